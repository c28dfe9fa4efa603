package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.betterauth4j.core.TokenVerificationException.Reason.INVALID_DPOP_PROOF;

/**
 * Checks the DPoP proof (RFC 9449 §4.3, §7.1) that comes with a DPoP-bound access token, as Better Auth's own
 * resource-server check ({@code enforceDpopBinding}) does, in this order:
 *
 * <ol>
 *   <li>a compact JWS of at most {@value #MAX_PROOF_LENGTH} characters, with the header rules of every token
 *       ({@link CompactJwsParser}: no {@code jku}, {@code x5u}, {@code x5c}, {@code crit}, ...) except that it carries
 *       its own key in {@code jwk};</li>
 *   <li>{@code typ} {@code dpop+jwt}; {@code alg} one of {@link #ALGORITHMS} (never {@code none} or HMAC);</li>
 *   <li>{@code jwk} a public key only (no {@code d}, {@code p}, {@code q}, {@code dp}, {@code dq}, {@code qi},
 *       {@code oth}, {@code k}) that passes the key set's admission rules (RSA of 2048 bits or more, EC on its curve,
 *       Ed25519 not of small order) and fits {@code alg};</li>
 *   <li>the signature, by that key;</li>
 *   <li>claims {@code htm}, {@code htu}, {@code jti} (at most {@value #MAX_JTI_LENGTH} characters) and {@code iat};
 *       {@code htm} the request's method; {@code htu} the request's URL as the client saw it, compared as origin and
 *       path (a query is ignored, a fragment refused); {@code iat} at most {@value #MAX_AGE_SECONDS} s old and
 *       {@value #MAX_AHEAD_SECONDS} s ahead;</li>
 *   <li>{@code ath}, base64url of the SHA-256 of the access token;</li>
 *   <li>the key's RFC 7638 thumbprint (Nimbus computes it) equals the token's {@code cnf.jkt};</li>
 *   <li>the proof was not used before ({@link DpopReplayStore}).</li>
 * </ol>
 * Each failure is {@code INVALID_DPOP_PROOF}. A client's key is parsed, admitted and thumbprinted once per distinct
 * header text (bounded cache), so a request costs one signature check and one hash beyond the token's own.
 */
final class DpopProofVerifier {

    /** What Better Auth's OAuth provider accepts and advertises ({@code dpop_signing_alg_values_supported}). */
    static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256,
            JWSAlgorithm.ES512, JWSAlgorithm.PS256, JWSAlgorithm.RS256);
    static final int MAX_PROOF_LENGTH = 8192;
    static final int MAX_JTI_LENGTH = 512;
    static final long MAX_AGE_SECONDS = 300;
    static final long MAX_AHEAD_SECONDS = 5;
    /** Proof keys remembered (by header text); past it the cache is emptied, as the parser's header cache is. */
    static final int KEY_CACHE_SIZE = 1024;

    private static final JOSEObjectType PROOF_TYPE = new JOSEObjectType("dpop+jwt");
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** A client's proof key, admitted, with its thumbprint. */
    private record ProofKey(TrustedKey key, String thumbprint) {
    }

    private final CompactJwsParser parser = new CompactJwsParser(Set.copyOf(ALGORITHMS), true);
    private final TrustedKeyFactory keyFactory;
    private final Map<String, ProofKey> keys = new ConcurrentHashMap<>();
    private final DpopReplayStore replays;
    private final Clock clock;

    DpopProofVerifier(Ed25519Engine ed25519, DpopReplayStore replays, Clock clock) {
        this.keyFactory = new TrustedKeyFactory(Set.copyOf(ALGORITHMS), DistinctWarnings.silent(), ed25519);
        this.replays = replays;
        this.clock = clock;
    }

    /**
     * Checks a proof for a request with a DPoP-bound access token.
     *
     * @param proof       the {@code DPoP} header's value, or null
     * @param method      the request's method
     * @param requestUri  the request's URL as the client saw it
     * @param accessToken the access token as sent
     * @param boundKey    the token's {@code cnf.jkt}
     * @throws TokenVerificationException {@code INVALID_DPOP_PROOF}, or what the replay store throws
     */
    void verify(String proof, String method, URI requestUri, String accessToken, String boundKey)
            throws TokenVerificationException {
        if (proof == null || proof.isEmpty()) {
            throw invalid("A DPoP-bound access token needs a DPoP proof (the DPoP header)");
        }
        if (proof.length() > MAX_PROOF_LENGTH) {
            throw invalid("The DPoP proof is longer than " + MAX_PROOF_LENGTH + " characters");
        }
        CompactJwsParser.ParsedJws jws;
        try {
            jws = parser.parse(proof);
        } catch (TokenVerificationException e) {
            throw invalid("The DPoP proof is not accepted: " + e.getMessage());
        }
        JWSHeader header = jws.header();
        if (!PROOF_TYPE.equals(header.getType())) {
            throw invalid("The DPoP proof's typ must be dpop+jwt");
        }
        ProofKey key = keyOf(proof.substring(0, proof.indexOf('.')), header);
        if (!key.key().accepts(header.getAlgorithm())) {
            throw invalid("The DPoP proof's algorithm does not fit its key");
        }
        if (!signed(jws, key.key())) {
            throw invalid("The DPoP proof's signature is not valid");
        }
        Map<String, Object> claims = claims(jws.payload());
        String htm = text(claims, "htm");
        String htu = text(claims, "htu");
        String jti = text(claims, "jti");
        Long iat = seconds(claims.get("iat"));
        if (htm == null || htu == null || jti == null || iat == null) {
            throw invalid("The DPoP proof must have the claims htm, htu, jti and iat");
        }
        if (jti.length() > MAX_JTI_LENGTH) {
            throw invalid("The DPoP proof's jti is longer than " + MAX_JTI_LENGTH + " characters");
        }
        if (!htm.equalsIgnoreCase(method)) {
            throw invalid("The DPoP proof's htm is not the request's method");
        }
        String requestUrl = normalizedUrl(requestUri)
                .orElseThrow(() -> new IllegalArgumentException("the request URL is not an absolute http(s) URL"));
        if (!normalizedUrl(htu).map(requestUrl::equals).orElse(false)) {
            throw invalid("The DPoP proof's htu is not the request's URL");
        }
        long now = Math.floorDiv(clock.millis(), 1000);
        if (iat > now + MAX_AHEAD_SECONDS || now - iat > MAX_AGE_SECONDS) {
            throw invalid("The DPoP proof's iat is outside the accepted window");
        }
        Object ath = claims.get("ath");
        if (!(ath instanceof String hash) || !hash.equals(accessTokenHash(accessToken))) {
            throw invalid("The DPoP proof's ath is not the hash of the access token");
        }
        if (!key.thumbprint().equals(boundKey)) {
            throw invalid("The DPoP proof is signed by a key other than the one the token is bound to");
        }
        String proofId = key.thumbprint() + "\n" + htm.toUpperCase(Locale.ROOT) + "\n" + requestUrl + "\n" + jti;
        if (!replays.firstUse(proofId, Instant.ofEpochSecond(iat + MAX_AGE_SECONDS), clock.instant())) {
            throw invalid("The DPoP proof has been used before");
        }
    }

    /** The proof key of a header text: parsed, checked, admitted and thumbprinted once. */
    private ProofKey keyOf(String headerPart, JWSHeader header) throws TokenVerificationException {
        ProofKey known = keys.get(headerPart);
        if (known != null) {
            return known;
        }
        if (!publicOnly(headerPart)) {
            throw invalid("The DPoP proof's jwk must be a public key only");
        }
        JWK jwk = header.getJWK();
        TrustedKey admitted = keyFactory.admit(jwk).orElseThrow(() -> invalid("The DPoP proof's jwk is not a key this"
                + " verifier accepts (RSA of 2048 bits or more, EC P-256 or P-521, Ed25519)"));
        String thumbprint;
        try {
            thumbprint = jwk.computeThumbprint().toString();
        } catch (JOSEException | RuntimeException e) {
            throw invalid("The DPoP proof's jwk has no thumbprint");
        }
        ProofKey key = new ProofKey(admitted, thumbprint);
        if (keys.size() >= KEY_CACHE_SIZE) {
            keys.clear();
        }
        keys.put(headerPart, key);
        return key;
    }

    /** Whether the header's {@code jwk} object, as sent, has no private member (Nimbus might drop unknown ones). */
    private static boolean publicOnly(String headerPart) {
        try {
            Map<String, Object> header = JSONObjectUtils.parse(Base64UrlParts.decodeToString(headerPart));
            Object jwk = header.get("jwk");
            return jwk instanceof Map<?, ?> members && members.keySet().stream().noneMatch(PRIVATE_MEMBERS::contains)
                    && !"oct".equals(members.get("kty"));
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signed(CompactJwsParser.ParsedJws jws, TrustedKey key) {
        try {
            return key.verifier().verify(jws.header(), jws.signingInput(), jws.signature());
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> claims(String payload) throws TokenVerificationException {
        try {
            Map<String, Object> claims = JSONObjectUtils.parse(Base64UrlParts.decodeToString(payload));
            if (claims == null || claims.size() > ClaimsValidator.MAX_CLAIMS) {
                throw invalid("The DPoP proof's payload is not a JSON object of claims");
            }
            return claims;
        } catch (ParseException | RuntimeException e) {
            throw invalid("The DPoP proof's payload is not a JSON object");
        }
    }

    private static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value && !value.isEmpty() ? value : null;
    }

    private static Long seconds(Object value) {
        if (value instanceof Long whole) {
            return whole;
        }
        if (value instanceof Double fraction && Double.isFinite(fraction)
                && Math.abs(fraction) < ClaimsValidator.MAX_EPOCH_SECOND) {
            return (long) Math.floor(fraction);
        }
        return null;
    }

    /**
     * A URL as DPoP compares it: origin (lower-case scheme and host, default port dropped) and path, the query dropped;
     * empty for anything that is not an absolute http(s) URL, or that has a fragment.
     */
    static Optional<String> normalizedUrl(String url) {
        try {
            return normalizedUrl(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> normalizedUrl(URI uri) {
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(Origin.of(uri) + path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code ath}: base64url of the SHA-256 of the access token's ASCII text (RFC 9449 §4.2). */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private static TokenVerificationException invalid(String message) {
        return new TokenVerificationException(INVALID_DPOP_PROOF, message);
    }
}

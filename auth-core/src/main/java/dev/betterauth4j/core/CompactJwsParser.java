package dev.betterauth4j.core;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.betterauth4j.core.TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;

/**
 * Splits a compact JWS and checks its header before any key is looked at.
 *
 * <p>The token must be exactly three base64url parts (no padding, no other characters: Nimbus' decoder skips
 * characters outside the alphabet, which would let two different strings carry the same signature). The
 * header is parsed by Nimbus and must be a JWS header whose algorithm is allowed, with none of the parameters
 * that would let the token pick its own key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}), no
 * {@code crit}, no unencoded payload. Which {@code typ} a token may have is its profile's rule ({@link TokenProfile}).
 */
final class CompactJwsParser {

    /** Better Auth's headers have two or three parameters; anything near this bound is not from it. */
    static final int MAX_HEADER_PARAMETERS = 16;


    /** Headers remembered after they passed every check; a key's tokens all share one header text. */
    static final int HEADER_CACHE_SIZE = 256;
    /** Only short headers are remembered (Better Auth's are about 70 characters encoded). */
    static final int MAX_CACHED_HEADER_LENGTH = 512;

    private final Set<JWSAlgorithm> allowed;
    private final boolean embeddedKey;
    private final Map<String, JWSHeader> checkedHeaders = new ConcurrentHashMap<>();

    CompactJwsParser(Set<JWSAlgorithm> allowed) {
        this(allowed, false);
    }

    /**
     * @param embeddedKey whether the header must carry its own public key ({@code jwk}), as a DPoP proof's does
     *                    (RFC 9449 §4.2); every other rule stays, and a token's header never may
     */
    CompactJwsParser(Set<JWSAlgorithm> allowed, boolean embeddedKey) {
        this.allowed = Set.copyOf(allowed);
        this.embeddedKey = embeddedKey;
    }

    /**
     * A compact JWS split into what signature verification needs.
     *
     * @param payload the payload part, still base64url-encoded: it is decoded only once the signature verified
     */
    record ParsedJws(JWSHeader header, byte[] signingInput, String payload, Base64URL signature) {
    }

    ParsedJws parse(String token) throws TokenVerificationException {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0) {
            throw new TokenVerificationException(MALFORMED, "The token is not a compact JWS of three parts");
        }
        int thirdDot = token.indexOf('.', secondDot + 1);
        if (thirdDot >= 0) {
            int fourthDot = token.indexOf('.', thirdDot + 1);
            boolean jwe = fourthDot >= 0 && token.indexOf('.', fourthDot + 1) < 0;
            throw new TokenVerificationException(MALFORMED, jwe ? "Encrypted (JWE) tokens are not accepted"
                    : "The token is not a compact JWS of three parts");
        }
        // Header and signature are checked character by character here. The payload is not: it is decoded only after
        // the signature verified, by the JDK's strict decoder, which refuses any character outside base64url.
        if (!isBase64Url(token, 0, firstDot) || !isBase64Url(token, secondDot + 1, token.length())) {
            throw new TokenVerificationException(MALFORMED, "The token is not a compact JWS: it contains"
                    + " characters outside the base64url alphabet");
        }
        if (firstDot == 0 || secondDot == firstDot + 1
                || !validLength(firstDot) || !validLength(secondDot - firstDot - 1)
                || !validLength(token.length() - secondDot - 1)) {
            throw new TokenVerificationException(MALFORMED, "The token has an empty or truncated part");
        }
        String headerPart = token.substring(0, firstDot);
        JWSHeader header = checkedHeaders.get(headerPart);
        if (header == null) {
            header = checkedHeader(parseHeader(headerPart));
            remember(headerPart, header);
        }
        String signaturePart = token.substring(secondDot + 1);
        if (!isCanonical(signaturePart)) {
            // The signing input covers the header and payload text but not the signature's own encoding:
            // a signature with non-zero padding bits would give a second, different string for the same token.
            throw new TokenVerificationException(MALFORMED, "The token's signature is not canonical base64url");
        }
        return new ParsedJws(header,
                token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII),
                token.substring(firstDot + 1, secondDot),
                Base64UrlParts.signature(signaturePart));
    }

    /**
     * Remembers a header that passed every check. Parsing the same text again gives the same header, so a hit is
     * exactly as strict as a parse; the map is bounded and simply emptied when full, so distinct headers sent to
     * flood it cost a parse each, as they would without it.
     */
    private void remember(String headerPart, JWSHeader header) {
        if (headerPart.length() > MAX_CACHED_HEADER_LENGTH) {
            return;
        }
        if (checkedHeaders.size() >= HEADER_CACHE_SIZE) {
            checkedHeaders.clear();
        }
        checkedHeaders.put(headerPart, header);
    }

    /** For tests: how many checked headers are remembered. */
    int cachedHeaders() {
        return checkedHeaders.size();
    }

    /**
     * Whether the unused low bits of the last character are zero, as base64url without padding requires: 2 spare
     * characters carry 8 bits (4 unused), 3 carry 16 (2 unused).
     */
    static boolean isCanonical(String part) {
        int rest = part.length() % 4;
        if (rest == 0) {
            return true;
        }
        int value = Base64UrlParts.sextet(part.charAt(part.length() - 1));
        return rest == 2 ? (value & 0x0F) == 0 : (value & 0x03) == 0;
    }

    private static Header parseHeader(String part) throws TokenVerificationException {
        try {
            return Header.parse(JSONObjectUtils.parse(Base64UrlParts.decodeToString(part)), new Base64URL(part));
        } catch (ParseException | RuntimeException e) {
            throw new TokenVerificationException(MALFORMED, "The token header is not a valid JOSE header");
        }
    }

    private JWSHeader checkedHeader(Header parsed) throws TokenVerificationException {
        if (parsed instanceof PlainHeader) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "Unsigned tokens (alg: none) are not accepted");
        }
        if (parsed instanceof JWEHeader || !(parsed instanceof JWSHeader header)) {
            throw new TokenVerificationException(MALFORMED, "Encrypted (JWE) tokens are not accepted");
        }
        if (!allowed.contains(header.getAlgorithm())) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "The token's algorithm is not allowed");
        }
        if (header.getIncludedParams().size() > MAX_HEADER_PARAMETERS) {
            throw new TokenVerificationException(MALFORMED, "The token header has too many parameters");
        }
        ClaimsValidator.checkDepth(header.getCustomParams(), "header");
        if (header.getJWK() != null && !embeddedKey) {
            throw forbidden("jwk");
        }
        if (header.getJWK() == null && embeddedKey) {
            throw new TokenVerificationException(MALFORMED, "The header has no public key (jwk)");
        }
        if (header.getJWKURL() != null) {
            throw forbidden("jku");
        }
        if (header.getX509CertURL() != null) {
            throw forbidden("x5u");
        }
        if (header.getX509CertChain() != null) {
            throw forbidden("x5c");
        }
        if (header.getCriticalParams() != null) {
            throw new TokenVerificationException(MALFORMED, "The token header has critical parameters (crit),"
                    + " which this verifier does not support");
        }
        if (!header.isBase64URLEncodePayload()) {
            throw new TokenVerificationException(MALFORMED, "Unencoded payloads (b64: false) are not accepted");
        }
        if (header.getContentType() != null
                && "jwt".equals(header.getContentType().toLowerCase(Locale.ROOT))) {
            throw new TokenVerificationException(MALFORMED, "Nested tokens (cty: JWT) are not accepted");
        }
        return header;
    }

    private static TokenVerificationException forbidden(String parameter) {
        return new TokenVerificationException(MALFORMED, "The token header parameter '" + parameter + "' is not"
                + " accepted: keys come only from the configured key source");
    }

    private static final boolean[] BASE64URL = new boolean[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            BASE64URL[c] = true;
        }
    }

    private static boolean isBase64Url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !BASE64URL[c]) {
                return false;
            }
        }
        return true;
    }

    /** Unpadded base64url never has a length of 1 modulo 4. */
    private static boolean validLength(int length) {
        return length % 4 != 1;
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

import static dev.betterauth4j.core.TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MISSING;
import static dev.betterauth4j.core.TokenVerificationException.Reason.TOO_LARGE;

/**
 * The path of one JWT, in order: length (before any decoding), the verified-token cache, the compact JWS and its
 * header ({@link CompactJwsParser}), the profile's {@code typ} rule, the keys for its algorithm and {@code kid}
 * ({@link KeySource}: the key set for asymmetric algorithms, the shared secret for HMAC), the signature, and the
 * profile's claims ({@link ClaimsValidator}). A token that passes every step is cached.
 *
 * @param maxTokenLength the longest token decoded
 * @param parser         splits the token and checks its header
 * @param keySet         keys for asymmetric algorithms, or null
 * @param secret         the shared secret for HMAC algorithms, or null
 * @param profile        what a jwt-plugin token must say, or null when they are not accepted
 * @param accessProfile  what an OAuth access token must say, or null when they are not accepted; a token whose
 *                       {@code typ} is {@code at+jwt} is judged by this profile, any other by {@code profile}. The
 *                       cache needs no profile in its key: the {@code typ} is part of the signed text
 * @param cache          verified tokens, or null
 * @param clock          the time the cache's expiry is judged by
 */
record JwtVerifier(int maxTokenLength, CompactJwsParser parser, KeySource keySet, KeySource secret,
                   TokenProfile profile, TokenProfile accessProfile, VerifiedTokenCache cache, Clock clock)
        implements AutoCloseable {

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    AuthenticatedUser verify(String token) throws TokenVerificationException {
        if (token == null || token.isEmpty()) {
            throw new TokenVerificationException(MISSING, "No token was presented");
        }
        if (token.length() > maxTokenLength) {
            throw new TokenVerificationException(TOO_LARGE, "The token is longer than " + maxTokenLength
                    + " characters");
        }
        VerifiedTokenCache.TokenDigest digest = null;
        if (cache != null) {
            digest = VerifiedTokenCache.TokenDigest.of(token);
            AuthenticatedUser cached = cache.get(digest, clock.millis(), this::stillTrusted);
            if (cached != null) {
                return cached;
            }
        }
        if (token.isBlank()) {
            throw new TokenVerificationException(MISSING, "No token was presented");
        }
        CompactJwsParser.ParsedJws jws = parser.parse(token);
        TokenProfile chosen = profileFor(jws.header());
        chosen.checkType(jws.header());
        // Access tokens come from the authorization server's key set only, never from the shared secret.
        KeySource keys = !Algorithms.isHmac(jws.header().getAlgorithm()) ? keySet
                : chosen == accessProfile ? null : secret;
        if (keys == null) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "The token's algorithm is not allowed");
        }
        TrustedKey key = verifySignature(jws, keys.candidates(jws.header()));
        AuthenticatedUser user = chosen.claims().validate(jws.payload());
        if (cache != null) {
            cache.put(token, digest, user, key);
        }
        return user;
    }

    /** The profile that judges a token with this header; its {@code checkType} refuses what neither accepts. */
    private TokenProfile profileFor(com.nimbusds.jose.JWSHeader header) {
        if (accessProfile != null && (profile == null || accessProfile.acceptsType(header))) {
            return accessProfile;
        }
        return profile;
    }

    private boolean stillTrusted(TrustedKey key) {
        return (keySet != null && keySet.stillTrusted(key)) || (secret != null && secret.stillTrusted(key));
    }

    private static TrustedKey verifySignature(CompactJwsParser.ParsedJws jws, List<TrustedKey> candidates)
            throws TokenVerificationException {
        for (TrustedKey key : candidates) {
            JWSVerifier verifier = key.verifier();
            try {
                if (verifier.verify(jws.header(), jws.signingInput(), jws.signature())) {
                    return key;
                }
            } catch (JOSEException | RuntimeException e) {
                // A signature the provider cannot even decode is a bad signature, not an error.
                LOGGER.log(Level.DEBUG, () -> "Signature check failed with " + e.getClass().getSimpleName());
            }
        }
        throw new TokenVerificationException(BAD_SIGNATURE, "The token's signature is not valid");
    }

    /** The number of cached tokens, or -1 without a cache. */
    int cachedTokens() {
        return cache == null ? -1 : cache.size();
    }

    /** Stops the key set's background work. */
    @Override
    public void close() {
        if (keySet != null) {
            keySet.close();
        }
        if (secret != null) {
            secret.close();
        }
    }
}

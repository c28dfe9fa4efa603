package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;

import java.text.ParseException;
import java.util.Map;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;

/**
 * Better Auth's {@code jwt} cookie cache strategy (without the {@code jwt} plugin's {@code sessionCookieCache}): an
 * HS256 JWS, header {@code {"alg":"HS256"}}, keyed with the secret's UTF-8 bytes; claims
 * {@code session, user, updatedAt, version, iat, exp}. Better Auth verifies it with no clock tolerance.
 */
final class SignedCookieCache {

    /** Better Auth writes only {@code alg}; {@code typ} is harmless, anything else (a key, {@code crit}) is not. */
    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "typ");

    private final MACVerifier verifier;

    /**
     * @param secret the current secret's UTF-8 bytes
     */
    SignedCookieCache(byte[] secret) {
        try {
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The secret cannot be an HMAC key", e);
        }
    }

    CookieCachePayload read(String value) throws TokenVerificationException {
        JWSObject jws;
        try {
            jws = JWSObject.parse(value);
        } catch (ParseException | RuntimeException e) {
            // As for JWEObject.parse (a header without "enc"), a hostile header must not get past as an exception.
            throw malformed();
        }
        if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "The session's cookie cache is not HS256");
        }
        if (!HEADER_PARAMETERS.containsAll(jws.getHeader().getIncludedParams())) {
            throw malformed();
        }
        boolean valid;
        try {
            valid = jws.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new TokenVerificationException(BAD_SIGNATURE, "The session's cookie cache has no valid signature");
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null || !(claims.get("exp") instanceof Number exp)) {
            throw malformed();
        }
        return CookieCachePayload.of(claims, exp.longValue() * 1000);
    }

    private static TokenVerificationException malformed() {
        return new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
    }
}

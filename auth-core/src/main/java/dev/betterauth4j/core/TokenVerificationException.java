package dev.betterauth4j.core;

import java.util.Objects;

/**
 * Thrown by {@link BetterAuthVerifier#verify(String)} when a token is not accepted.
 *
 * <p>Every rejection carries a {@link Reason}. The {@linkplain #getMessage() message} is written for the
 * client: it says what was wrong in general words and never contains the token, a key or a secret, so it may
 * be returned in an HTTP response (for example in RFC 6750's {@code error_description}).
 *
 * <pre>{@code
 * try {
 *     AuthenticatedUser user = verifier.verify(token);
 * } catch (TokenVerificationException e) {
 *     if (e.reason().isOutage()) {
 *         // 503: the key source is down and no cached key can verify this token
 *     } else {
 *         // 401: the token is missing or invalid
 *     }
 * }
 * }</pre>
 *
 * <p>The exception carries no stack trace: it is an expected outcome of verifying untrusted input, thrown
 * often under attack, and the trace would only say "inside the verifier".
 */
public final class TokenVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was rejected. */
    public enum Reason {
        /** No token was presented (null, empty or blank). */
        MISSING,
        /** The token is not a compact JWS with a JSON object header and payload, or uses a header or claim
         * type this library refuses (for example an encrypted 5-part token, {@code crit}, {@code jku}). */
        MALFORMED,
        /** The token is longer than the configured maximum; it was not decoded. */
        TOO_LARGE,
        /** The header's {@code alg} is {@code none}, not in the allow-list, or not the algorithm of the
         * key it names. */
        ALGORITHM_NOT_ALLOWED,
        /** The header's {@code typ} says this is not an access token (for example Better Auth's
         * session-cache JWT, {@code typ: better-auth.session-cache+jwt}). */
        WRONG_TOKEN_TYPE,
        /** No trusted key matches the token's {@code kid} and algorithm, also after one JWKS refresh. */
        UNKNOWN_KEY,
        /** The signature does not verify with the trusted key. */
        BAD_SIGNATURE,
        /** The token's {@code exp} is in the past (beyond the allowed clock skew). */
        EXPIRED,
        /** The token's {@code nbf} or {@code iat} is in the future (beyond the allowed clock skew). */
        NOT_YET_VALID,
        /** The token's {@code iss} is not the expected issuer. */
        WRONG_ISSUER,
        /** None of the token's {@code aud} values is an accepted audience. */
        WRONG_AUDIENCE,
        /** A required claim ({@code sub}, {@code exp}, {@code iss}, {@code aud}) is absent. */
        MISSING_CLAIM,
        /** The key source (the JWKS endpoint) could not be reached and no cached key can verify the token.
         * This is an outage, not a bad token: answer 503, not 401. */
        KEY_SOURCE_UNAVAILABLE;

        /**
         * Tells whether this reason is an outage of the key source rather than a fault of the token.
         *
         * @return {@code true} only for {@link #KEY_SOURCE_UNAVAILABLE}
         */
        public boolean isOutage() {
            return this == KEY_SOURCE_UNAVAILABLE;
        }
    }

    /** Why the token was rejected (part of the serialized form). */
    private final Reason reason;

    /**
     * Creates an exception with a reason and a message that is safe to show to a client.
     *
     * @param reason  why the token was rejected; never null
     * @param message what was wrong, in words that contain no token, key or secret
     * @throws NullPointerException if {@code reason} or {@code message} is null
     */
    public TokenVerificationException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the token was rejected.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "TokenVerificationException[" + reason + ": " + getMessage() + "]";
    }
}

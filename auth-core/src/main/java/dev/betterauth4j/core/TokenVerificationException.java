package dev.betterauth4j.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by {@link BetterAuthVerifier} when a credential is not accepted.
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
        KEY_SOURCE_UNAVAILABLE,
        /** Better Auth knows no live session for this session token: it never existed, was signed out, revoked or
         * has expired ({@code get-session} answered {@code null}). */
        UNKNOWN_SESSION,
        /** Better Auth itself could not be asked ({@code get-session} unreachable, slow, 5xx, rate-limited with 429, or
         * an answer that is not Better Auth's). An outage, not a bad credential: answer 503, not 401. */
        AUTH_SERVER_UNAVAILABLE,
        /** A cookie credential came with a request that changes something (not GET, HEAD or OPTIONS) from an origin
         * that is not trusted, or with no {@code Origin} or {@code Referer} at all: a cross-site request forgery is
         * refused. The credential may be fine; the request is forbidden (answer 403). */
        UNTRUSTED_ORIGIN,
        /** The authorization server's introspection answered {@code active: false} for an opaque access token: it is
         * unknown, expired, revoked, or its session has ended. */
        INACTIVE_TOKEN,
        /** The access token is valid but lacks a scope the request needs (RFC 6750 {@code insufficient_scope}; answer
         * 403 naming every missing scope). Decided by the application or the servlet filter's scope rules. */
        INSUFFICIENT_SCOPE,
        /** The DPoP proof (RFC 9449) of a DPoP-bound access token is missing or not accepted: its form, type,
         * algorithm, key, signature, method, URL, time, access-token hash, a key other than the token's, or a proof
         * used before (RFC 9449 {@code invalid_dpop_proof}). */
        INVALID_DPOP_PROOF,
        /** The credential came with the wrong authorization scheme: a DPoP-bound access token with {@code Bearer} (or in
         * a cookie), or the {@code DPoP} scheme with a credential that is not DPoP-bound. */
        WRONG_SCHEME,
        /** The DPoP replay cache is full of proofs that have not expired yet, so a new proof cannot be recorded and is
         * refused. An overload, not a bad credential: answer 503. */
        REPLAY_CACHE_FULL;

        /**
         * Tells whether this reason is an outage of a service the verifier depends on rather than a fault of the
         * credential.
         *
         * @return {@code true} for {@link #KEY_SOURCE_UNAVAILABLE}, {@link #AUTH_SERVER_UNAVAILABLE} and
         *         {@link #REPLAY_CACHE_FULL}
         */
        public boolean isOutage() {
            return this == KEY_SOURCE_UNAVAILABLE || this == AUTH_SERVER_UNAVAILABLE || this == REPLAY_CACHE_FULL;
        }

        /**
         * Tells whether the request is forbidden whatever its credential (answer 403, not 401).
         *
         * @return {@code true} for {@link #UNTRUSTED_ORIGIN} and {@link #INSUFFICIENT_SCOPE}
         */
        public boolean isForbidden() {
            return this == UNTRUSTED_ORIGIN || this == INSUFFICIENT_SCOPE;
        }
    }

    /** Why the token was rejected (part of the serialized form). */
    private final Reason reason;
    private final transient Duration retryAfter;

    /**
     * Creates an exception with a reason and a message that is safe to show to a client.
     *
     * @param reason  why the token was rejected; never null
     * @param message what was wrong, in words that contain no token, key or secret
     * @throws NullPointerException if {@code reason} or {@code message} is null
     */
    public TokenVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates an outage exception that knows when trying again makes sense (Better Auth answered 429 with a delay).
     *
     * @param reason     why the credential was not accepted; never null
     * @param message    what was wrong, in words that contain no token, key or secret
     * @param retryAfter when to try again, or null if unknown
     * @throws NullPointerException if {@code reason} or {@code message} is null
     */
    public TokenVerificationException(Reason reason, String message, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    /**
     * Returns why the token was rejected.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }

    /**
     * When trying again makes sense, if the outage said so (for example Better Auth's rate limiter).
     *
     * @return the delay, or empty when unknown
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return "TokenVerificationException[" + reason + ": " + getMessage() + "]";
    }
}

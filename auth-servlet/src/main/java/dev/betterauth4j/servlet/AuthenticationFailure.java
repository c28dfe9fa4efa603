package dev.betterauth4j.servlet;

import dev.betterauth4j.core.TokenVerificationException.Reason;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why {@link BetterAuthFilter} refused a request, as handed to an {@link AuthenticationErrorWriter}.
 *
 * <p>By the time the writer sees it the filter has set the status and, for 400 and 401, the RFC 6750
 * {@code WWW-Authenticate} challenge (for 503, {@code Retry-After}); the writer only writes the body. No field
 * holds the token.
 *
 * @param status      400 (malformed credentials), 401 (missing or invalid credentials), 403 (a cookie-authenticated
 *                    request from an untrusted origin, or an access token without a scope the request needs) or 503
 *                    (the key source or Better Auth down)
 * @param error       the RFC 6750 / RFC 9449 error code: {@code invalid_request}, {@code invalid_token},
 *                    {@code insufficient_scope}, {@code invalid_dpop_proof}, or null when no token was presented, on
 *                    503, and for an untrusted origin
 * @param reason      the machine-readable reason ({@code MISSING} when no token was presented, {@code MALFORMED}
 *                    for unusable credentials)
 * @param description what was wrong, in words safe to show the client
 * @param retryAfter  for a 503, when Better Auth said to try again (its rate limiter), or null for the filter's
 *                    configured {@code retryAfter}
 * @param scopes      for {@code insufficient_scope}, every scope the request needs and the credential lacks; else
 *                    empty
 */
public record AuthenticationFailure(int status, String error, Reason reason, String description,
                                    Duration retryAfter, List<String> scopes) {

    /**
     * @param status      see {@link #status()}
     * @param error       see {@link #error()}
     * @param reason      see {@link #reason()}
     * @param description see {@link #description()}
     * @param retryAfter  see {@link #retryAfter()}
     * @param scopes      see {@link #scopes()}
     * @throws NullPointerException if {@code reason}, {@code description} or {@code scopes} is null
     */
    public AuthenticationFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
        scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    /**
     * A failure that names no scopes.
     *
     * @param status      the HTTP status
     * @param error       the RFC 6750 error code, or null
     * @param reason      the machine-readable reason
     * @param description what was wrong, safe to show
     * @param retryAfter  for a 503, Better Auth's delay, or null
     */
    public AuthenticationFailure(int status, String error, Reason reason, String description, Duration retryAfter) {
        this(status, error, reason, description, retryAfter, List.of());
    }

    /**
     * A failure without a delay of its own.
     *
     * @param status      the HTTP status
     * @param error       the RFC 6750 error code, or null
     * @param reason      the machine-readable reason
     * @param description what was wrong, safe to show
     */
    public AuthenticationFailure(int status, String error, Reason reason, String description) {
        this(status, error, reason, description, null);
    }
}

package dev.betterauth4j.servlet;

import dev.betterauth4j.core.TokenVerificationException.Reason;

import java.util.Objects;

/**
 * Why {@link BetterAuthFilter} refused a request, as handed to an {@link AuthenticationErrorWriter}.
 *
 * <p>By the time the writer sees it the filter has set the status and, for 400 and 401, the RFC 6750
 * {@code WWW-Authenticate} challenge (for 503, {@code Retry-After}); the writer only writes the body. No field
 * holds the token.
 *
 * @param status      400 (malformed credentials), 401 (missing or invalid token) or 503 (key source down)
 * @param error       the RFC 6750 error code: {@code invalid_request}, {@code invalid_token}, or null when no
 *                    token was presented or on 503
 * @param reason      the machine-readable reason ({@code MISSING} when no token was presented, {@code MALFORMED}
 *                    for unusable credentials)
 * @param description what was wrong, in words safe to show the client
 */
public record AuthenticationFailure(int status, String error, Reason reason, String description) {

    /**
     * @param status      see {@link #status()}
     * @param error       see {@link #error()}
     * @param reason      see {@link #reason()}
     * @param description see {@link #description()}
     * @throws NullPointerException if {@code reason} or {@code description} is null
     */
    public AuthenticationFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
    }
}

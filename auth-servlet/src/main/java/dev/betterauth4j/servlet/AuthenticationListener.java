package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.TokenVerificationException.Reason;

/**
 * Hears every authentication decision of {@link BetterAuthFilter}, for audit logs and metrics.
 *
 * <p>It is given the user or the reason and the request path, never the request itself, so no token or cookie
 * can reach a log through it. Called on the request thread: keep it fast. An exception it throws is logged
 * and otherwise ignored.
 *
 * <pre>{@code
 * AuthenticationListener audit = new AuthenticationListener() {
 *     public void onFailure(Reason reason, String path) {
 *         meter.counter("auth.failure", "reason", reason.name()).increment();
 *     }
 * };
 * }</pre>
 */
public interface AuthenticationListener {

    /**
     * A request was authenticated.
     *
     * @param user the verified user
     * @param path the request path within the application
     */
    default void onSuccess(AuthenticatedUser user, String path) {
    }

    /**
     * A request was refused (400, 401 or 503).
     *
     * @param reason why ({@code MISSING} when no token was presented)
     * @param path   the request path within the application
     */
    default void onFailure(Reason reason, String path) {
    }
}

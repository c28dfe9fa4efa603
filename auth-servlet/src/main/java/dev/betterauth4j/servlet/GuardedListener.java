package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.TokenVerificationException.Reason;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The application's {@link AuthenticationListener}, called so that its failures cannot change an answer: an
 * exception it throws is logged by class name (its message might quote what it was given) and dropped.
 *
 * @param listener the application's listener
 */
record GuardedListener(AuthenticationListener listener) {

    private static final Logger LOGGER = System.getLogger(BetterAuthFilter.class.getName());

    void success(AuthenticatedUser user, String path) {
        try {
            listener.onSuccess(user, path);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "AuthenticationListener.onSuccess failed: " + e.getClass().getName());
        }
    }

    void failure(Reason reason, String path) {
        try {
            listener.onFailure(reason, path);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "AuthenticationListener.onFailure failed: " + e.getClass().getName());
        }
    }
}

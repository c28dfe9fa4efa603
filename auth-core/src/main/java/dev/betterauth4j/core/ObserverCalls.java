package dev.betterauth4j.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;

/**
 * Calls the application's {@link VerifierObserver} so that its failures cannot change an outcome: an exception it
 * throws is logged by class name (its message might quote what it was given) and dropped.
 */
final class ObserverCalls {

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private ObserverCalls() {
    }

    static VerifierObserver.Verification verificationStarted(VerifierObserver observer, String presentedAs) {
        if (observer == VerifierObserver.NONE) {
            return VerifierObserver.Verification.NONE;
        }
        try {
            VerifierObserver.Verification verification = observer.verificationStarted(presentedAs);
            return verification == null ? VerifierObserver.Verification.NONE : verification;
        } catch (RuntimeException e) {
            failed("verificationStarted", e);
            return VerifierObserver.Verification.NONE;
        }
    }

    static void verified(VerifierObserver.Verification verification, AuthenticatedUser user) {
        try {
            verification.verified(user);
        } catch (RuntimeException e) {
            failed("verified", e);
        }
    }

    static void refused(VerifierObserver.Verification verification, TokenVerificationException refusal) {
        try {
            verification.refused(refusal);
        } catch (RuntimeException e) {
            failed("refused", e);
        }
    }

    static VerifierObserver.KeySetFetch keySetFetchStarted(VerifierObserver observer, URI url) {
        if (observer == VerifierObserver.NONE) {
            return VerifierObserver.KeySetFetch.NONE;
        }
        try {
            VerifierObserver.KeySetFetch fetch = observer.keySetFetchStarted(url);
            return fetch == null ? VerifierObserver.KeySetFetch.NONE : fetch;
        } catch (RuntimeException e) {
            failed("keySetFetchStarted", e);
            return VerifierObserver.KeySetFetch.NONE;
        }
    }

    static void fetched(VerifierObserver.KeySetFetch fetch, int usableKeys) {
        try {
            fetch.fetched(usableKeys);
        } catch (RuntimeException e) {
            failed("fetched", e);
        }
    }

    static void fetchFailed(VerifierObserver.KeySetFetch fetch, String cause) {
        try {
            fetch.failed(cause);
        } catch (RuntimeException e) {
            failed("failed", e);
        }
    }

    private static void failed(String method, RuntimeException e) {
        LOGGER.log(Level.WARNING, () -> "VerifierObserver." + method + " failed: " + e.getClass().getName());
    }
}

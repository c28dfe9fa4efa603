package dev.betterauth4j.core;

import java.time.Clock;

import static dev.betterauth4j.core.TokenVerificationException.Reason.UNKNOWN_SESSION;

/**
 * What Better Auth's {@code get-session} said about session tokens ({@link RemoteAnswerCache}); its negative answer is
 * {@code UNKNOWN_SESSION}, "no such session".
 */
final class SessionCache extends RemoteAnswerCache {

    SessionCache(long ttlMillis, long negativeTtlMillis, int maxEntries, int maxConcurrentCalls, long waitMillis,
                 Clock clock) {
        super(UNKNOWN_SESSION, "The session is unknown, has ended or has expired", ttlMillis, negativeTtlMillis,
                maxEntries, maxConcurrentCalls, waitMillis, clock);
    }
}

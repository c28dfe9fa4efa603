package dev.betterauth4j.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Logs each distinct warning once, so a key set refreshed every few minutes does not repeat the same
 * complaint about the same key forever.
 *
 * <p>The set of remembered warnings is bounded: past {@link #MAX_REMEMBERED} it is cleared, which at worst
 * repeats a warning. Callers must never put a token or secret into a warning.
 */
final class DistinctWarnings {

    static final int MAX_REMEMBERED = 1024;

    private final Logger logger;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    DistinctWarnings(Logger logger) {
        this.logger = logger;
    }

    /**
     * Warnings nobody hears: for keys a client brings itself (a DPoP proof's), whose refusal is the client's answer and
     * would only let clients fill the log.
     */
    static DistinctWarnings silent() {
        return new DistinctWarnings(null);
    }

    void warn(String key, Supplier<String> message) {
        if (logger == null) {
            return;
        }
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        if (seen.add(key)) {
            logger.log(Level.WARNING, message);
        }
    }
}

package dev.betterauth4j.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static dev.betterauth4j.core.TokenVerificationException.Reason.AUTH_SERVER_UNAVAILABLE;

/**
 * Honours Better Auth's rate limiter for one of its endpoints: after a {@code 429}, no call is made until the delay it
 * named ({@code X-Retry-After}, Better Auth's header, or the standard {@code Retry-After}; 10 s when it names none, at
 * most 1 h) has passed, and every refusal in the meantime is an outage carrying the time left, which the filter sends
 * as {@code Retry-After}.
 */
final class RateLimitPause {

    /** The delay assumed when a 429 names none, and the longest one honoured. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private final String endpoint;
    /** Until when (clock millis) Better Auth asked not to be called. */
    private final AtomicLong pausedUntil = new AtomicLong(Long.MIN_VALUE);

    /** @param endpoint how log records name the endpoint ({@code get-session}, {@code introspection}) */
    RateLimitPause(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @throws TokenVerificationException {@code AUTH_SERVER_UNAVAILABLE} with the time left, while paused
     */
    void check(long nowMillis) throws TokenVerificationException {
        long paused = pausedUntil.get();
        if (nowMillis < paused) {
            throw rateLimited(Duration.ofMillis(paused - nowMillis));
        }
    }

    /** Pauses after a 429 answer and returns the refusal to throw. */
    TokenVerificationException pause(BoundedHttpClient.Answer answer, long nowMillis) {
        Duration retry = retryAfter(answer);
        pausedUntil.accumulateAndGet(nowMillis + retry.toMillis(), Math::max);
        LOGGER.log(Level.WARNING, () -> "Better Auth's rate limiter refused " + endpoint + " (429); pausing calls for "
                + retry.toSeconds() + " s");
        return rateLimited(retry);
    }

    private static Duration retryAfter(BoundedHttpClient.Answer answer) {
        String value = answer.headers().firstValue("X-Retry-After")
                .or(() -> answer.headers().firstValue("Retry-After")).orElse(null);
        try {
            long seconds = value == null ? DEFAULT_RETRY.toSeconds() : Long.parseLong(value.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, MAX_RETRY.toSeconds())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY;
        }
    }

    /** The refusal for any outage of Better Auth. */
    static TokenVerificationException unavailable() {
        return new TokenVerificationException(AUTH_SERVER_UNAVAILABLE, "Better Auth is temporarily unavailable");
    }

    private static TokenVerificationException rateLimited(Duration retry) {
        return new TokenVerificationException(AUTH_SERVER_UNAVAILABLE, "Better Auth is temporarily unavailable",
                retry);
    }
}

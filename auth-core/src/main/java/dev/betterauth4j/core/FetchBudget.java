package dev.betterauth4j.core;

/**
 * How many key set fetches may start: {@value #BURST} at once, then one per interval. A token bucket of
 * {@value #BURST}, kept as the generic cell rate algorithm's "theoretical arrival time" so it needs one number.
 *
 * <p>The bound it gives: over any period of length T, at most {@code BURST + T / interval} fetches start. (Each start
 * moves the theoretical arrival time at least one interval on, and a start is allowed only once the clock is within
 * {@code (BURST - 1) * interval} of it; so the n-th start after a first at t1 happens no earlier than
 * {@code t1 + (n - BURST) * interval}.) With the default interval of 500 ms: at most 2 + 2 per second.
 *
 * <p>Not thread-safe: {@link RemoteKeySet} calls it under its lock.
 */
final class FetchBudget {

    static final int BURST = 2;

    private final long intervalMillis;
    /** When the bucket is next empty-and-refilled-by-one; far in the past at first (full bucket). */
    private long theoreticalArrival = Long.MIN_VALUE / 2;

    FetchBudget(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.intervalMillis = intervalMillis;
    }

    /** Takes one fetch from the budget if it has one at {@code nowMillis}. */
    boolean tryAcquire(long nowMillis) {
        if (nowMillis < theoreticalArrival - (BURST - 1) * intervalMillis) {
            return false;
        }
        theoreticalArrival = Math.max(theoreticalArrival, nowMillis) + intervalMillis;
        return true;
    }
}

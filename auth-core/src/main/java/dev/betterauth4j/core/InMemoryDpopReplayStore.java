package dev.betterauth4j.core;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import static dev.betterauth4j.core.TokenVerificationException.Reason.REPLAY_CACHE_FULL;

/**
 * {@link DpopReplayStore#inMemory(int)}: proof ids with their expiry in a concurrent map. Expired ids are swept once a
 * minute, and when the map is full at most once a second; a full map of live ids refuses new proofs rather than forget
 * one early (which would reopen a replay window).
 */
final class InMemoryDpopReplayStore implements DpopReplayStore {

    static final long SWEEP_INTERVAL_MILLIS = 60_000;
    static final long FULL_SWEEP_INTERVAL_MILLIS = 1_000;

    private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private volatile long nextSweepMillis = Long.MIN_VALUE;
    private volatile long lastSweepMillis = Long.MIN_VALUE;

    InMemoryDpopReplayStore(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public boolean firstUse(String proofId, Instant expiresAt, Instant now) throws TokenVerificationException {
        long nowMillis = now.toEpochMilli();
        if (nowMillis >= nextSweepMillis || (expiries.size() >= maxEntries && sweptLongAgo(nowMillis))) {
            sweep(nowMillis);
        }
        if (expiries.size() >= maxEntries && !expiries.containsKey(proofId)) {
            throw new TokenVerificationException(REPLAY_CACHE_FULL, "Too many DPoP proofs at once; try again shortly");
        }
        long expiry = expiresAt.toEpochMilli();
        boolean[] first = {false};
        expiries.compute(proofId, (id, known) -> {
            if (known != null && known > nowMillis) {
                return known;
            }
            first[0] = true;
            return expiry;
        });
        return first[0];
    }

    private boolean sweptLongAgo(long nowMillis) {
        return lastSweepMillis == Long.MIN_VALUE || nowMillis - lastSweepMillis >= FULL_SWEEP_INTERVAL_MILLIS;
    }

    private synchronized void sweep(long nowMillis) {
        if (nowMillis < nextSweepMillis && !(expiries.size() >= maxEntries && sweptLongAgo(nowMillis))) {
            return;
        }
        expiries.values().removeIf(expiry -> expiry <= nowMillis);
        lastSweepMillis = nowMillis;
        nextSweepMillis = nowMillis + SWEEP_INTERVAL_MILLIS;
    }

    /** For tests: the proofs remembered. */
    int size() {
        return expiries.size();
    }

    @Override
    public String toString() {
        return "DpopReplayStore[in memory, at most " + maxEntries + "]";
    }
}

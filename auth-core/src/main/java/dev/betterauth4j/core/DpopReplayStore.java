package dev.betterauth4j.core;

import java.time.Instant;

/**
 * Remembers which DPoP proofs (RFC 9449) have been used, so that a proof is accepted once: the seam for the replay
 * check. A proof can be accepted for about five minutes after its {@code iat}; within that time a captured proof sent
 * again must be refused.
 *
 * <p>The default, {@link #inMemory(int)}, remembers the proofs one verifier saw. <b>Several instances of an API behind
 * one load balancer need a shared store</b>: a proof replayed against another instance would pass that instance's own
 * memory. Implement this interface over a store every instance reaches (Redis {@code SET key 1 NX PXAT expiresAt},
 * a database table with the proof id as primary key) and give it to
 * {@link AccessTokenOptions#dpopReplayStore(DpopReplayStore)}.
 *
 * <pre>{@code
 * DpopReplayStore shared = (proofId, expiresAt, now) ->
 *         redis.set(sha256(proofId), "1", SetParams.setParams().nx().pxAt(expiresAt.toEpochMilli())) != null;
 * }</pre>
 *
 * <p>It is called only for a proof that passed every other check (signature, method, URL, time, access-token hash, the
 * token's key), so only holders of a valid DPoP-bound token reach it.
 */
@FunctionalInterface
public interface DpopReplayStore {

    /**
     * Records a proof's use and tells whether it is the first.
     *
     * @param proofId   identifies the proof: the key's thumbprint, the method, the URL and the proof's {@code jti},
     *                  joined by line breaks (not secret; at most about 1,100 characters; hash it for a shared store)
     * @param expiresAt when the proof stops being acceptable anyway, so the store may forget it: its {@code iat} plus
     *                  five minutes
     * @param now       the verifier's clock
     * @return {@code true} the first time, {@code false} for a proof seen before
     * @throws TokenVerificationException to refuse the proof with that reason, e.g. {@code REPLAY_CACHE_FULL} or
     *                                    {@code AUTH_SERVER_UNAVAILABLE} when a shared store cannot be reached (fail
     *                                    closed: a store that cannot answer must not let the proof pass)
     */
    boolean firstUse(String proofId, Instant expiresAt, Instant now) throws TokenVerificationException;

    /**
     * A store in this process's memory, bounded: proofs are forgotten once expired; a new proof that finds the store
     * full of unexpired ones is refused with {@code REPLAY_CACHE_FULL} (an overload, answered 503), never let through
     * by forgetting a proof early. Size it as the proofs a second times 305 s.
     *
     * @param maxEntries the most proofs remembered, at least 1
     * @return the store
     */
    static DpopReplayStore inMemory(int maxEntries) {
        return new InMemoryDpopReplayStore(maxEntries);
    }
}

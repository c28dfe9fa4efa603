package dev.betterauth4j.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.betterauth4j.core.TokenVerificationException.Reason.AUTH_SERVER_UNAVAILABLE;

/**
 * Remembers what Better Auth said about credentials it alone can judge (a session token through {@code get-session}, an
 * opaque access token through introspection), so that a credential costs one call per TTL, not one per request.
 *
 * <ul>
 *   <li><b>Keyed by a digest</b>: the SHA-256 of the credential as Better Auth verifies it ({@code token.signature},
 *       a bare token, an access token), never its text, so a heap dump shows no usable credential. For a session token
 *       the signature is part of what is hashed: a request that pairs a known token with another signature is a
 *       different entry and goes to Better Auth, which refuses it.</li>
 *   <li><b>Bounded in time</b>: an answer is used for at most the TTL and never past the credential's own expiry
 *       ({@link AuthenticatedUser#expiresAt()}); a negative answer ("no such session", "not active") is remembered for
 *       a shorter negative TTL. A revoked credential can pass for up to the TTL; a TTL of zero asks Better Auth every
 *       time. Outages are never remembered.</li>
 *   <li><b>Bounded in size</b>: at most {@code maxEntries}; when full, expired entries go first, then arbitrary
 *       ones.</li>
 *   <li><b>Single flight</b>: requests with the same new credential that arrive together make one call and share its
 *       answer.</li>
 *   <li><b>Bounded concurrency</b>: at most {@code maxConcurrentCalls} calls to Better Auth at once; a request that
 *       cannot get a turn within the wait limit is an outage (503), not a queue that grows without end.</li>
 * </ul>
 */
class RemoteAnswerCache {

    /** Loads what Better Auth says: the user, or an exception. */
    @FunctionalInterface
    interface Loader {
        AuthenticatedUser load() throws TokenVerificationException;
    }

    /** A remembered answer: the user, or (null) the negative answer, usable until {@code until} (clock millis). */
    private record Entry(AuthenticatedUser user, long until) {
    }

    /** An answer being loaded: the user or the exception, shared by everyone waiting for the same credential. */
    private record Outcome(AuthenticatedUser user, TokenVerificationException failure) {
    }

    private final TokenVerificationException.Reason negativeReason;
    private final String negativeMessage;
    private final long ttlMillis;
    private final long negativeTtlMillis;
    private final int maxEntries;
    private final Semaphore calls;
    private final long waitMillis;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param negativeReason  the refusal a loader throws for a negative answer, which is remembered for
     *                        {@code negativeTtlMillis}
     * @param negativeMessage the message of a remembered negative answer
     */
    RemoteAnswerCache(TokenVerificationException.Reason negativeReason, String negativeMessage, long ttlMillis,
                      long negativeTtlMillis, int maxEntries, int maxConcurrentCalls, long waitMillis, Clock clock) {
        this.negativeReason = negativeReason;
        this.negativeMessage = negativeMessage;
        this.ttlMillis = ttlMillis;
        this.negativeTtlMillis = negativeTtlMillis;
        this.maxEntries = maxEntries;
        this.calls = new Semaphore(maxConcurrentCalls, true);
        this.waitMillis = waitMillis;
        this.clock = clock;
    }

    /** Copied for each digest: {@code MessageDigest.getInstance} looks the provider up every time. */
    private static final MessageDigest SHA256 = sha256();

    /** The cache key of a credential: base64 of its SHA-256. */
    static String key(String credential) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return Base64.getEncoder().encodeToString(digest.digest(credential.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /**
     * The answer remembered for {@code key}, without loading anything.
     *
     * @return the user, or null when nothing usable is remembered
     * @throws TokenVerificationException a remembered negative answer
     */
    AuthenticatedUser remembered(String key) throws TokenVerificationException {
        Entry entry = entries.get(key);
        if (entry == null || clock.millis() >= entry.until) {
            return null;
        }
        return answer(entry.user);
    }

    /**
     * The remembered answer for {@code key}, else the loader's (one load at a time per key).
     *
     * @throws TokenVerificationException the loader's, a remembered negative answer, or
     *                                    {@code AUTH_SERVER_UNAVAILABLE} when no turn to call Better Auth came in time
     */
    AuthenticatedUser get(String key, Loader loader) throws TokenVerificationException {
        Entry entry = entries.get(key);
        if (entry != null) {
            if (clock.millis() < entry.until) {
                return answer(entry.user);
            }
            entries.remove(key, entry);
        }
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = inFlight.putIfAbsent(key, mine);
        Outcome outcome = running == null ? load(key, loader, mine) : await(running);
        if (outcome.failure != null) {
            throw outcome.failure;
        }
        return outcome.user;
    }

    private Outcome load(String key, Loader loader, CompletableFuture<Outcome> mine) {
        Outcome outcome;
        try {
            outcome = new Outcome(callWithATurn(loader), null);
            remember(key, outcome.user, Math.min(ttlMillis, outcome.user.expiresAt().toEpochMilli()
                    - clock.millis()));
        } catch (TokenVerificationException e) {
            outcome = new Outcome(null, e);
            if (e.reason() == negativeReason) {
                remember(key, null, negativeTtlMillis);
            }
        } catch (RuntimeException e) {
            outcome = new Outcome(null, unavailable());
        } finally {
            inFlight.remove(key, mine);
        }
        mine.complete(outcome);
        return outcome;
    }

    private AuthenticatedUser callWithATurn(Loader loader) throws TokenVerificationException {
        boolean turn;
        try {
            turn = calls.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (!turn) {
            throw unavailable();
        }
        try {
            return loader.load();
        } finally {
            calls.release();
        }
    }

    private Outcome await(CompletableFuture<Outcome> running) {
        try {
            return running.get(2 * waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, unavailable());
        } catch (ExecutionException | TimeoutException e) {
            return new Outcome(null, unavailable());
        }
    }

    private void remember(String key, AuthenticatedUser user, long forMillis) {
        if (forMillis <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom();
        }
        entries.put(key, new Entry(user, clock.millis() + forMillis));
    }

    /** Drops expired entries, and then arbitrary ones until a tenth of the room is free. */
    private void makeRoom() {
        long now = clock.millis();
        entries.values().removeIf(entry -> entry.until <= now);
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries - maxEntries / 10 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private AuthenticatedUser answer(AuthenticatedUser user) throws TokenVerificationException {
        if (user == null) {
            throw new TokenVerificationException(negativeReason, negativeMessage);
        }
        return user;
    }

    private static TokenVerificationException unavailable() {
        return new TokenVerificationException(AUTH_SERVER_UNAVAILABLE, "Better Auth is temporarily unavailable");
    }

    /** For tests and metrics: the number of remembered answers. */
    int size() {
        return entries.size();
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The key set at a URL (Better Auth's {@code /api/auth/jwks}): fetched, cached, refreshed, and trusted for a bounded
 * time without a successful fetch.
 *
 * <p><b>When it fetches.</b> On first use; when the cached set has outlived the TTL (the caller waits for the fetch);
 * when a request comes within {@code refreshAhead} of the TTL's end (in the background, nobody waits); and when a
 * token names a {@code kid} the set does not have, since the set may have rotated (the caller waits).
 *
 * <p><b>How often.</b> One fetch at a time: whoever needs a fetch while one is under way waits for that one and uses
 * its result (single flight). Every fetch, whatever triggered it, draws from one {@link FetchBudget}: two at once, then
 * one per {@code refreshRateLimit}. So however many unknown {@code kid}s arrive, the endpoint sees at most
 * 2 + T / {@code refreshRateLimit} fetches in any period T; and because the budget refills every interval, a key that
 * appears in the set is fetched within one interval plus one fetch, even while a flood of made-up {@code kid}s keeps the
 * budget in use (the rotated key's token shares the next fetch the flood triggers). A large budget window instead
 * (Nimbus' rate limiter: two fetches per 15 s) lets such a flood lock a rotated key out for the whole window.
 *
 * <p><b>How long keys are trusted.</b> A set is trusted until {@code max(ttl, outageTolerance)} after the start of
 * the fetch that produced it. Failed fetches in between do not extend that: when the endpoint is down, the last good
 * set keeps working for the outage tolerance and then nothing verifies ({@code KEY_SOURCE_UNAVAILABLE}) until a
 * fetch succeeds. {@link JwksKeySource#stillTrusted} asks the same question, so tokens in the verified-token cache end
 * with the others.
 */
final class RemoteKeySet implements AutoCloseable {

    /** A key ring and the instant (clock millis) the fetch that produced it started. */
    private record Fetched(KeyRing ring, long startedAt) {
    }

    private static final Map<String, String> ACCEPT = Map.of("Accept",
            "application/json, application/jwk-set+json");

    private final URL url;
    private final BoundedHttpClient http;
    private final JwksDocumentParser parser;
    private final TrustedKeyFactory factory;
    private final Logger logger;
    private final VerifierObserver observer;
    private final Clock clock;
    private final long ttl;
    private final long refreshAhead;
    /** How long after a successful fetch its keys may be used: the TTL, or the outage tolerance if longer. */
    private final long trustedFor;
    /** How long a caller waits for a fetch under way: the fetch's own deadline and a second more. */
    private final long waitLimit;
    /** Runs refresh-ahead fetches; null when refresh-ahead is off. */
    private final ExecutorService background;

    private volatile Fetched last;
    // Guarded by this:
    private final FetchBudget budget;
    private CompletableFuture<Fetched> inFlight;
    private boolean closed;

    RemoteKeySet(URL url, JwksSettings settings, JwksDocumentParser parser, TrustedKeyFactory factory, Logger logger,
                 VerifierObserver observer) {
        this.url = url;
        this.http = settings.newHttpClient();
        this.parser = parser;
        this.factory = factory;
        this.logger = logger;
        this.observer = observer;
        this.clock = settings.clock();
        this.ttl = settings.cacheTtl().toMillis();
        this.refreshAhead = settings.refreshAhead().toMillis();
        this.trustedFor = Math.max(ttl, settings.outageTolerance().toMillis());
        this.waitLimit = settings.cacheRefreshTimeout().toMillis();
        this.budget = new FetchBudget(settings.refreshRateLimit().toMillis());
        // Not scheduled: a request near expiry starts the refresh, so an idle verifier fetches nothing.
        this.background = refreshAhead > 0 ? Executors.newSingleThreadExecutor(daemonThreads()) : null;
    }

    /**
     * The keys to verify with now: the cached set while it is fresh, else a new one (fetching it, or waiting for the
     * fetch under way), else the last good set while it is within the outage tolerance.
     *
     * @throws TokenVerificationException {@code KEY_SOURCE_UNAVAILABLE} when there is no set that may be used
     */
    KeyRing current() throws TokenVerificationException {
        long now = clock.millis();
        Fetched known = last;
        if (known != null && now - known.startedAt < ttl) {
            if (background != null && now - known.startedAt >= ttl - refreshAhead) {
                startOrJoin(now, true);
            }
            return known.ring;
        }
        CompletableFuture<Fetched> fetch = startOrJoin(now, false);
        Fetched fresh = fetch == null ? null : await(fetch);
        return fresh != null ? fresh.ring : lastGood(now);
    }

    /**
     * The keys after a refresh for a {@code kid} that {@code seen} lacks: a set fetched since {@code seen} if there is
     * one, else the result of the fetch under way or of a new one if the budget allows, else {@code seen} (the
     * {@code kid} stays unknown until the budget refills).
     *
     * @throws TokenVerificationException {@code KEY_SOURCE_UNAVAILABLE} when the fetch failed: the {@code kid} may be
     *                                    in the set that could not be fetched
     */
    KeyRing refreshedFor(KeyRing seen) throws TokenVerificationException {
        Fetched known = last;
        if (known != null && known.ring != seen) {
            return known.ring;
        }
        CompletableFuture<Fetched> fetch = startOrJoin(clock.millis(), false);
        if (fetch == null) {
            return seen;
        }
        Fetched fresh = await(fetch);
        if (fresh == null) {
            throw JwksKeySource.unavailable();
        }
        return fresh.ring;
    }

    /** The last set fetched, however old, without fetching; empty before the first fetch. */
    KeyRing latest() {
        Fetched known = last;
        return known == null ? KeyRing.EMPTY : known.ring;
    }

    private KeyRing lastGood(long now) throws TokenVerificationException {
        Fetched known = last;
        if (known != null && now - known.startedAt < trustedFor) {
            return known.ring;
        }
        throw JwksKeySource.unavailable();
    }

    /**
     * Returns the fetch under way, or starts one if the budget allows (on this thread, or in the background), or
     * returns null. A background trigger never joins: it has nothing to wait for.
     */
    private CompletableFuture<Fetched> startOrJoin(long now, boolean inBackground) {
        CompletableFuture<Fetched> fetch;
        synchronized (this) {
            if (inFlight != null) {
                return inBackground ? null : inFlight;
            }
            if (closed || !budget.tryAcquire(now)) {
                return null;
            }
            fetch = new CompletableFuture<>();
            inFlight = fetch;
        }
        if (!inBackground) {
            fetch(fetch, now);
            return fetch;
        }
        try {
            background.execute(() -> fetch(fetch, now));
        } catch (RejectedExecutionException e) {
            // closed meanwhile
            finish(fetch, null);
        }
        return fetch;
    }

    /** Fetches, parses and admits the keys; completes {@code fetch} with the result, or with null on failure. */
    private void fetch(CompletableFuture<Fetched> fetch, long startedAt) {
        Fetched result = null;
        VerifierObserver.KeySetFetch observed = ObserverCalls.keySetFetchStarted(observer, uriOrNull());
        try {
            JWKSet set = parser.parse(download());
            Fetched previous = last;
            KeyRing ring = KeyRing.of(set, factory, previous == null ? KeyRing.EMPTY : previous.ring);
            result = new Fetched(ring, startedAt);
            last = result;
            ObserverCalls.fetched(observed, ring.size());
            if (previous != null && !ring.kids().equals(previous.ring.kids())) {
                logger.log(Level.INFO, () -> "JWKS refreshed: key ids " + ring.kids());
            }
        } catch (IOException | ParseException | RuntimeException e) {
            logFailure(e, startedAt);
            ObserverCalls.fetchFailed(observed, e instanceof IOException
                    ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName());
        } finally {
            finish(fetch, result);
        }
    }

    private URI uriOrNull() {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The key set document: a 200 answer, at most a few same-origin redirects away. */
    private String download() throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("Invalid JWKS URL", e);
        }
        BoundedHttpClient.Answer answer = http.get(uri, ACCEPT, BoundedHttpClient.MAX_REDIRECTS);
        if (answer.status() != 200) {
            throw new IOException("JWKS endpoint answered HTTP " + answer.status());
        }
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private void finish(CompletableFuture<Fetched> fetch, Fetched result) {
        fetch.complete(result);
        synchronized (this) {
            if (inFlight == fetch) {
                inFlight = null;
            }
        }
    }

    private void logFailure(Exception e, long now) {
        String cause = e instanceof RuntimeException ? e.toString() : e.getMessage();
        Fetched known = last;
        long remaining = known == null ? 0 : known.startedAt + trustedFor - now;
        if (remaining > 0) {
            logger.log(Level.WARNING, () -> "JWKS endpoint unavailable (" + cause + "); using the cached keys for up to "
                    + remaining + " ms more");
        } else {
            logger.log(Level.WARNING, () -> "JWKS unavailable and no usable cached keys: " + cause);
        }
    }

    /** Waits for a fetch (at once if this thread ran it); null if it failed or took too long. */
    private Fetched await(CompletableFuture<Fetched> fetch) {
        try {
            return fetch.get(waitLimit, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "betterauth4j-jwks-refresh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops background refreshes and the HTTP client's threads. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (background != null) {
            background.shutdownNow();
        }
        http.close();
    }
}

package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static dev.betterauth4j.core.TestVerifiers.CLOCK;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client floods the verifier with tokens naming random {@code kid}s, to use up the key set's refresh budget, while
 * Better Auth rotates its key. Against a real HTTP key server, with the default settings.
 *
 * <p>The numbers come from the design (docs/auth-core.md, "Key set fetches"): every fetch draws from one budget of
 * two at once and then one per {@code keySet.refreshRateLimit} (500 ms by default), and a fetch already under way is
 * shared. So a key published at instant R is fetched by R + 500 ms + the duration of one fetch (a few milliseconds on
 * loopback, and at most the HTTP timeouts): the 1 s required leaves about 500 ms for a loaded machine. The fetch
 * count is bounded exactly: at most 2 + T / 500 ms in any period T, whatever the machine does.
 */
class KeyRotationUnderFloodTest {

    /** The documented default of {@code keySet.refreshRateLimit}. */
    private static final Duration REFRESH_INTERVAL = Duration.ofMillis(500);
    private static final int FLOOD_THREADS = 4;
    /** Each flood thread sends one token per period: 4 threads, 200 tokens per second. */
    private static final Duration FLOOD_PERIOD = Duration.ofMillis(20);
    private static final Duration FLOOD_BEFORE_ROTATION = Duration.ofSeconds(1);
    private static final Duration FLOOD_AFTER_ROTATION = Duration.ofSeconds(2);
    private static final Duration PROBE_GIVES_UP_AFTER = Duration.ofSeconds(5);

    private final JwksServer server = JwksServer.start();
    private final SigningKey oldKey = SigningKey.of("EdDSA", "before-rotation");
    private final SigningKey newKey = SigningKey.of("EdDSA", "after-rotation");

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** What one flood-and-rotate run measured. */
    record FloodRun(Duration rotationToFirstSuccess, int fetches, long elapsedMillis, long floodTokens,
                    Duration floodDuration, Map<String, Long> floodOutcomes) {

        double floodTokensPerSecond() {
            return floodTokens * 1000.0 / floodDuration.toMillis();
        }

        /** The documented bound: at most two fetches at once, then one per refresh interval. */
        long fetchBound() {
            return 2 + elapsedMillis / REFRESH_INTERVAL.toMillis();
        }
    }

    @Test
    void aRotatedKeyVerifiesWithinOneSecondWhileAHundredRandomKidsASecondArrive() throws Exception {
        FloodRun run = floodAndRotate();

        assertThat(run.floodTokensPerSecond()).as("random-kid tokens per second, %s", run).isGreaterThanOrEqualTo(100);
        assertThat(run.floodOutcomes()).as("what the flood got").containsOnlyKeys(Reason.UNKNOWN_KEY.name());
        assertThat(run.rotationToFirstSuccess()).as("from the rotation to the first accepted token of the new key, %s", run)
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theFloodCausesAtMostTwoPlusOneFetchPerRefreshInterval() throws Exception {
        FloodRun run = floodAndRotate();

        assertThat(run.floodTokensPerSecond()).as("random-kid tokens per second, %s", run).isGreaterThanOrEqualTo(100);
        assertThat(run.fetches()).as("key set fetches, %s", run)
                .isPositive()
                .isLessThanOrEqualTo((int) run.fetchBound());
    }

    /**
     * Starts the verifier, floods it from {@value #FLOOD_THREADS} threads, rotates the key on the server after
     * {@link #FLOOD_BEFORE_ROTATION}, probes with a token of the new key until one is accepted, and keeps flooding
     * until {@link #FLOOD_AFTER_ROTATION} after the rotation.
     */
    private FloodRun floodAndRotate() throws Exception {
        server.publish(oldKey.publicJwk());
        String newKeyToken = TestToken.betterAuth(newKey, server.issuer(), NOW.minusSeconds(10)).signWith(newKey);
        List<String> randomKidTokens = randomKidTokens(2_000);
        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flood = Executors.newFixedThreadPool(FLOOD_THREADS);

        long startMillis = System.currentTimeMillis();
        try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clock(CLOCK)
                .build()) {
            verifier.verify(TestToken.betterAuth(oldKey, server.issuer(), NOW.minusSeconds(10)).signWith(oldKey));

            long floodStart = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < FLOOD_THREADS; t++) {
                int offset = t;
                workers.add(flood.submit(() -> {
                    long next = System.nanoTime();
                    for (int i = offset; flooding.get(); i += FLOOD_THREADS) {
                        try {
                            verifier.verify(randomKidTokens.get(i % randomKidTokens.size()));
                            outcomes.merge("accepted", 1L, Long::sum);
                        } catch (TokenVerificationException e) {
                            outcomes.merge(e.reason().name(), 1L, Long::sum);
                        }
                        sent.incrementAndGet();
                        next += FLOOD_PERIOD.toNanos();
                        LockSupport.parkNanos(next - System.nanoTime());
                    }
                }));
            }

            LockSupport.parkNanos(FLOOD_BEFORE_ROTATION.toNanos());
            server.publish(oldKey.publicJwk(), newKey.publicJwk());
            long rotated = System.nanoTime();
            Duration firstSuccess = null;
            while (firstSuccess == null && System.nanoTime() - rotated < PROBE_GIVES_UP_AFTER.toNanos()) {
                try {
                    verifier.verify(newKeyToken);
                    firstSuccess = Duration.ofNanos(System.nanoTime() - rotated);
                } catch (TokenVerificationException e) {
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }
            }
            LockSupport.parkNanos(rotated + FLOOD_AFTER_ROTATION.toNanos() - System.nanoTime());

            flooding.set(false);
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.SECONDS);
            }
            Duration floodDuration = Duration.ofNanos(System.nanoTime() - floodStart);
            long elapsedMillis = System.currentTimeMillis() - startMillis;
            return new FloodRun(firstSuccess == null ? PROBE_GIVES_UP_AFTER : firstSuccess, server.requestCount(),
                    elapsedMillis, sent.get(), floodDuration, Map.copyOf(outcomes));
        } finally {
            flooding.set(false);
            flood.shutdownNow();
        }
    }

    /** Valid-looking tokens (signed by the old key) whose header names a kid nobody has. */
    private List<String> randomKidTokens(int count) {
        List<String> tokens = new ArrayList<>(count);
        String signed = TestToken.betterAuth(oldKey, server.issuer(), NOW.minusSeconds(10)).signWith(oldKey);
        String payloadAndSignature = signed.substring(signed.indexOf('.'));
        for (int i = 0; i < count; i++) {
            tokens.add(TestToken.encode("{\"alg\":\"EdDSA\",\"kid\":\"" + SigningKey.randomKid() + "\"}")
                    + payloadAndSignature);
        }
        return tokens;
    }
}

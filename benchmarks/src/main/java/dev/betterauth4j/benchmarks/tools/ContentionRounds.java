package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.benchmarks.TokenCheck;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The verified-token cache under contention, in interleaved rounds: the cases of {@code TokenCacheContentionBenchmark}
 * (hits on one token, hits over 1,000 cached tokens, misses that insert and evict, no cache at all), each run with 1
 * thread and with 4 sharing one verifier, one short slice each per round, in a rotating order.
 *
 * <p>Why not JMH's {@code -t 1} and {@code -t 4} runs alone: on cores shared with other work, four threads get a larger
 * share of the machine than one does, so "4 threads ÷ 1 thread" measures the scheduler as much as the cache. The path
 * without a cache shares nothing between threads (each has its own tokens to verify), so its 4 ÷ 1 within a round is
 * what the machine gives four threads in that round; each cache case's 4 ÷ 1 is divided by it. 1.00 means the case
 * scales like work that shares nothing; below 1 is contention.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.ContentionRounds [ROUNDS] [SLICE_MS] [WARMUP_S]
 * </pre>
 */
public final class ContentionRounds {

    static final int THREADS = 4;
    static final int WORKING_SET = 1_000;
    static final int CHURN_TOKENS = 4_096;
    static final int CHURN_CACHE = 256;

    /** One call of a case; {@code index} grows with each call of the thread. */
    private interface Call {
        Object verify(int index) throws Exception;
    }

    private record Case(String name, Call call) {
    }

    private static final AtomicLong SINK = new AtomicLong();

    private ContentionRounds() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;

        System.out.printf(Locale.ROOT, "JVM %s %s; %d rounds of %d ms per case and thread count (order rotating),"
                        + " %d s warm-up each; Ed25519 on Bouncy Castle%n%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rounds, sliceNanos / 1_000_000, warmupSeconds);
        System.out.println("| alg | case | 1 thread ops/s | " + THREADS + " threads ops/s | " + THREADS
                + " ÷ 1 (median of the rounds) | ÷ the same for no cache (median of the rounds) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (String alg : List.of("EdDSA", "HS256")) {
            measure(alg, rounds, sliceNanos, warmupSeconds);
        }
        System.out.printf(Locale.ROOT, "%nLoad average at the end: %s (sink %d)%n", CpuTimeRounds.loadAverage(), SINK.get() & 1);
    }

    private static void measure(String alg, int rounds, long sliceNanos, int warmupSeconds) throws Exception {
        Fixture fixture = Fixture.of(alg);
        String[] workingSet = tokens(fixture, "set", WORKING_SET);
        String[] churnTokens = tokens(fixture, "churn", CHURN_TOKENS);
        BetterAuthVerifier cached = verifier(fixture, 10_000);
        BetterAuthVerifier churning = verifier(fixture, CHURN_CACHE);
        BetterAuthVerifier cold = verifier(fixture, 0);
        TokenCheck.requireAcceptsAndRejects("contention", fixture, cached::verify);
        for (String token : workingSet) {
            cached.verify(token);
        }
        String token = fixture.token;
        List<Case> cases = List.of(
                new Case("no cache", i -> cold.verify(churnTokens[i % CHURN_TOKENS])),
                new Case("hits, one token", i -> cached.verify(new String(token.toCharArray()))),
                new Case("hits, 1,000 tokens", i -> cached.verify(workingSet[i % WORKING_SET])),
                new Case("misses, insert and evict", i -> churning.verify(churnTokens[i % CHURN_TOKENS])));

        for (Case c : cases) {
            run(c, 1, warmupSeconds * 1_000_000_000L);
            run(c, THREADS, warmupSeconds * 1_000_000_000L);
        }
        Map<String, double[][]> rates = new LinkedHashMap<>();
        cases.forEach(c -> rates.put(c.name, new double[2][rounds]));
        int slots = cases.size() * 2;
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < slots; s++) {
                int slot = (s + round) % slots;
                Case c = cases.get(slot / 2);
                int threads = slot % 2 == 0 ? 1 : THREADS;
                rates.get(c.name)[slot % 2][round] = run(c, threads, sliceNanos);
            }
        }
        double[][] base = rates.get("no cache");
        for (Map.Entry<String, double[][]> entry : rates.entrySet()) {
            double[][] r = entry.getValue();
            double[] scaling = new double[rounds];
            double[] relative = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                scaling[i] = r[1][i] / r[0][i];
                relative[i] = scaling[i] / (base[1][i] / base[0][i]);
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2f | %.2f |%n", alg, entry.getKey(),
                    CpuTimeRounds.median(r[0]), CpuTimeRounds.median(r[1]), CpuTimeRounds.median(scaling), CpuTimeRounds.median(relative));
        }
        cached.close();
        churning.close();
        cold.close();
    }

    private static BetterAuthVerifier verifier(Fixture fixture, int cacheSize) {
        BetterAuthVerifierBuilder builder = BetterAuthVerifier.builder().issuer(Fixture.ISSUER)
                .audiences(Fixture.ISSUER).algorithms(fixture.algorithm);
        if (fixture.algorithm.startsWith("HS")) {
            builder.sharedSecret(Fixture.SECRET);
        } else {
            builder.jwks(fixture.jwkSet).ed25519Engine("bouncycastle");
        }
        if (cacheSize > 0) {
            builder.tokenCacheSize(cacheSize);
        }
        return builder.build();
    }

    private static String[] tokens(Fixture fixture, String prefix, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(Fixture.token(fixture.key, String.format(Locale.ROOT, "%s-%05d", prefix, i)));
        }
        return tokens.toArray(String[]::new);
    }

    /** Runs {@code c} on {@code threads} threads for about {@code nanos}; returns their total operations per second. */
    private static double run(Case c, int threads, long nanos) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong total = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        Exception[] failure = new Exception[1];
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int offset = t * (CHURN_TOKENS / THREADS);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    long end = window[0] + nanos;
                    long count = 0;
                    long sink = 0;
                    int index = offset;
                    while (System.nanoTime() < end) {
                        sink += c.call.verify(index++ & Integer.MAX_VALUE).hashCode();
                        count++;
                    }
                    total.addAndGet(count);
                    SINK.addAndGet(sink);
                } catch (Exception e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        window[1] = System.nanoTime();
        if (failure[0] != null) {
            throw failure[0];
        }
        return total.get() * 1e9 / (window[1] - window[0]);
    }
}

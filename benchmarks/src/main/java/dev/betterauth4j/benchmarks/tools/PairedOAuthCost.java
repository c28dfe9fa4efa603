package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.FloorBenchmark;
import dev.betterauth4j.benchmarks.OAuthBenchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The costs {@link OAuthBenchmark} measures, as ratios measured in pairs: on a machine whose load changes over seconds
 * (a shared CI host), two benchmarks run in separate JMH forks minutes apart compare the load as much as the code. Here
 * the compared operations run in one JVM, after JMH's own benchmark set-up, alternating in slices of
 * {@value #SLICE_MILLIS} ms, and each ratio is taken within one round, so load that changes slower than a round cancels
 * out; and each is timed by the thread's CPU time, not the clock, so a slice in which the thread waited for a core
 * does not count against the code. The median over the rounds is reported, with the lowest and highest round.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.PairedOAuthCost [rounds] [alg ...]
 * </pre>
 * Per algorithm: {@code accessTokenCold ÷ pluginTokenCold} as a time ratio (1.00: an access token costs what a plugin
 * token of the same key costs), and the time of a DPoP proof check ({@code dpopWithCachedToken}: a cache hit plus the
 * proof) over one bare signature check of the same algorithm ({@code FloorBenchmark.floor}).
 */
public final class PairedOAuthCost {

    static final long SLICE_MILLIS = 400;
    static final long WARM_UP_MILLIS = 3_000;

    private PairedOAuthCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<String> algorithms = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("EdDSA", "ES256", "ES512", "RS256", "PS256");
        System.out.println("| alg | plugin token ops/s | access token ops/s | access ÷ plugin (time) | one signature"
                + " ops/s (`floor`) | DPoP proof on a cached token ops/s | DPoP ÷ one signature (time) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String algorithm : algorithms) {
            OAuthBenchmark oauth = new OAuthBenchmark();
            oauth.alg = algorithm;
            oauth.setUp();
            FloorBenchmark floor = new FloorBenchmark();
            floor.alg = algorithm;
            floor.setUp();
            try {
                List<Callable<?>> work = List.of(oauth::pluginTokenCold, oauth::accessTokenCold, floor::floor,
                        oauth::dpopWithCachedToken);
                for (Callable<?> each : work) {
                    rate(each, WARM_UP_MILLIS);
                }
                double[][] rates = new double[work.size()][rounds];
                double[] accessOverPlugin = new double[rounds];
                double[] dpopOverSignature = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < work.size(); i++) {
                        rates[i][round] = rate(work.get(i), SLICE_MILLIS);
                    }
                    accessOverPlugin[round] = rates[0][round] / rates[1][round];
                    dpopOverSignature[round] = rates[2][round] / rates[3][round];
                }
                System.out.println("| " + algorithm + " | " + whole(median(rates[0])) + " | " + whole(median(rates[1]))
                        + " | " + ratio(accessOverPlugin) + " | " + whole(median(rates[2])) + " | "
                        + whole(median(rates[3])) + " | " + ratio(dpopOverSignature) + " |");
            } finally {
                oauth.tearDown();
            }
        }
        System.out.println();
        System.out.println("Median of " + rounds + " rounds (lowest – highest round in brackets), slices of " + SLICE_MILLIS
                + " ms of the thread's CPU time, one thread, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs.");
    }

    /**
     * Operations per second of this thread's CPU time of {@code work} run for {@code millis} of CPU time. CPU time,
     * not wall time: on a loaded host the thread waits for a core, which wall time would count against the code.
     */
    private static double rate(Callable<?> work, long millis) throws Exception {
        long budget = millis * 1_000_000;
        long start = THREADS.getCurrentThreadCpuTime();
        long used = 0;
        long operations = 0;
        Object sink = null;
        while (used < budget) {
            for (int i = 0; i < 8; i++) {
                sink = work.call();
            }
            operations += 8;
            used = THREADS.getCurrentThreadCpuTime() - start;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return operations * 1e9 / used;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String ratio(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f (%.2f – %.2f)", median(values), sorted[0], sorted[sorted.length - 1]);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}

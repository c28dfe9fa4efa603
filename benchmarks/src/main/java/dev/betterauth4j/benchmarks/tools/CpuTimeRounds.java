package dev.betterauth4j.benchmarks.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Operations compared in interleaved rounds, timed by the thread's CPU time: on a machine whose load changes over
 * seconds (a shared CI host), two benchmarks run in separate JMH forks minutes apart compare the load as much as the
 * code. Here the compared operations run in one JVM, alternating in slices of {@value #SLICE_MILLIS} ms, and each
 * ratio is taken within one round, so load that changes slower than a round cancels out; each slice is timed by the
 * thread's CPU time, not the clock, so a slice in which the thread waited for a core does not count against the code.
 * Reports give the median over the rounds, with the lowest and highest round.
 */
final class CpuTimeRounds {

    static final long SLICE_MILLIS = 400;
    static final long WARM_UP_MILLIS = 3_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeRounds() {
    }

    /**
     * Warms each operation up for {@value #WARM_UP_MILLIS} ms, then runs {@code rounds} rounds of one slice each, in
     * the order given.
     *
     * @return operations per CPU second, {@code [operation][round]}
     */
    static double[][] measure(List<Callable<?>> work, int rounds) throws Exception {
        for (Callable<?> each : work) {
            rate(each, WARM_UP_MILLIS);
        }
        double[][] rates = new double[work.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < work.size(); i++) {
                rates[i][round] = rate(work.get(i), SLICE_MILLIS);
            }
        }
        return rates;
    }

    /**
     * How many times longer operation {@code slower} takes than operation {@code faster}, per round (a time ratio:
     * 1.00 costs the same, 2.00 twice as much).
     */
    static double[] timeRatios(double[][] rates, int slower, int faster) {
        double[] ratios = new double[rates[slower].length];
        for (int round = 0; round < ratios.length; round++) {
            ratios[round] = rates[faster][round] / rates[slower][round];
        }
        return ratios;
    }

    /**
     * Operations per second of this thread's CPU time of {@code work} run for {@code millis} of CPU time. CPU time,
     * not wall time: on a loaded host the thread waits for a core, which wall time would count against the code.
     */
    static double rate(Callable<?> work, long millis) throws Exception {
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

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The machine's load average over 1, 5 and 15 minutes, as {@code /proc/loadavg} gives it, or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The median and, in brackets, the lowest and highest value: {@code 1.02 (0.99 – 1.05)}. */
    static String ratio(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f (%.2f – %.2f)", median(values), sorted[0], sorted[sorted.length - 1]);
    }

    /** The median rate, as a whole number with thousands separators. */
    static String wholeMedian(double[] values) {
        return String.format(Locale.ROOT, "%,.0f", median(values));
    }

    /** The line under a table: what the numbers are and where they were measured. */
    static String footnote(int rounds) {
        return "Median of " + rounds + " rounds (lowest – highest round in brackets), slices of " + SLICE_MILLIS
                + " ms of the thread's CPU time, one thread, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs.";
    }
}

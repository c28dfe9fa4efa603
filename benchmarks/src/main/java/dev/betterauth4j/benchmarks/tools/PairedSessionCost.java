package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.CookieCacheBenchmark;
import dev.betterauth4j.benchmarks.SessionBenchmark;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The ratios the session targets are stated in, measured in pairs ({@link CpuTimeRounds}) after JMH's own benchmark
 * set-up:
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.PairedSessionCost [rounds] [strategy ...]
 * </pre>
 * First {@link SessionBenchmark}: a session cache hit (cookie, and bearer) over a JWT cache hit, and the local
 * signature check (a forged session refused) over its bare HMAC; then, per cookie cache strategy of
 * {@link CookieCacheBenchmark}, the verifier over {@code floorPlusParse} and over {@code floor}.
 */
public final class PairedSessionCost {

    private PairedSessionCost() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // A failed set-up leaves its loopback server's threads running: end the run instead of hanging.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<String> strategies = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("COMPACT", "JWT", "JWE", "KEY_SET");

        SessionBenchmark session = new SessionBenchmark();
        session.setUp();
        SessionBenchmark.SignatureFloor hmac = new SessionBenchmark.SignatureFloor();
        hmac.setUp();
        try {
            List<Callable<?>> work = List.of(session::jwtCacheHit, session::sessionCacheHit,
                    session::bearerSessionCacheHit, hmac::check, session::forgedSessionRefused);
            double[][] rates = CpuTimeRounds.measure(work, rounds);
            System.out.println("| JWT cache hit ops/s | session cache hit (cookie) ops/s | ÷ JWT cache hit (time)"
                    + " | session cache hit (bearer) ops/s | ÷ JWT cache hit (time) | bare HMAC ops/s | forged"
                    + " session refused ops/s | ÷ bare HMAC (time) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.println("| " + CpuTimeRounds.wholeMedian(rates[0]) + " | " + CpuTimeRounds.wholeMedian(rates[1])
                    + " | " + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 1, 0)) + " | "
                    + CpuTimeRounds.wholeMedian(rates[2]) + " | "
                    + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 2, 0)) + " | "
                    + CpuTimeRounds.wholeMedian(rates[3]) + " | " + CpuTimeRounds.wholeMedian(rates[4]) + " | "
                    + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 4, 3)) + " |");
        } finally {
            session.tearDown();
        }
        System.out.println();

        System.out.println("| strategy | `floor` ops/s | `floorPlusParse` ops/s | betterauth4j ops/s | ÷ floorPlusParse"
                + " (time) | ÷ floor (time) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String strategy : strategies) {
            CookieCacheBenchmark cookieCache = new CookieCacheBenchmark();
            cookieCache.strategy = strategy;
            cookieCache.setUp();
            try {
                List<Callable<?>> work = List.of(cookieCache::floor, cookieCache::floorPlusParse,
                        cookieCache::cookieCache);
                double[][] rates = CpuTimeRounds.measure(work, rounds);
                System.out.println("| " + strategy + " | " + CpuTimeRounds.wholeMedian(rates[0]) + " | "
                        + CpuTimeRounds.wholeMedian(rates[1]) + " | " + CpuTimeRounds.wholeMedian(rates[2]) + " | "
                        + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 2, 1)) + " | "
                        + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 2, 0)) + " |");
            } finally {
                cookieCache.tearDown();
            }
        }
        System.out.println();
        System.out.println(CpuTimeRounds.footnote(rounds));
    }
}

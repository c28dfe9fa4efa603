package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.FloorBenchmark;
import dev.betterauth4j.benchmarks.OAuthBenchmark;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The costs {@link OAuthBenchmark} measures, as ratios measured in pairs ({@link CpuTimeRounds}), after JMH's own
 * benchmark set-up.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.PairedOAuthCost [rounds] [alg ...]
 * </pre>
 * Per algorithm: {@code accessTokenCold ÷ pluginTokenCold} as a time ratio (1.00: an access token costs what a plugin
 * token of the same key costs), and the time of a DPoP proof check ({@code dpopWithCachedToken}: a cache hit plus the
 * proof) over one bare signature check of the same algorithm ({@code FloorBenchmark.floor}).
 */
public final class PairedOAuthCost {

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
                double[][] rates = CpuTimeRounds.measure(work, rounds);
                System.out.println("| " + algorithm + " | " + CpuTimeRounds.wholeMedian(rates[0]) + " | "
                        + CpuTimeRounds.wholeMedian(rates[1]) + " | "
                        + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 1, 0)) + " | "
                        + CpuTimeRounds.wholeMedian(rates[2]) + " | " + CpuTimeRounds.wholeMedian(rates[3]) + " | "
                        + CpuTimeRounds.ratio(CpuTimeRounds.timeRatios(rates, 3, 2)) + " |");
            } finally {
                oauth.tearDown();
            }
        }
        System.out.println();
        System.out.println(CpuTimeRounds.footnote(rounds));
    }
}

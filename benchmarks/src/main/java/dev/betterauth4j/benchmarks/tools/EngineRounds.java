package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.Ed25519Checks;
import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.benchmarks.JdkCrypto;
import dev.betterauth4j.benchmarks.MinimalVerifier;
import dev.betterauth4j.benchmarks.SignatureCheck;
import dev.betterauth4j.benchmarks.TokenCheck;
import dev.betterauth4j.core.BetterAuthVerifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Ed25519 engines side by side in interleaved rounds, for ratios that survive a shared machine: JMH measures one
 * benchmark after another, so on cores that other work comes and goes on, two numbers taken minutes apart also measure
 * the change in that work. Here every variant runs for one short slice per round, all variants in each round (in an
 * order that rotates), and each ratio is taken within a round; the report gives the median of the rounds' ratios, the
 * method of the load test ({@code load.sh}). One JVM, one thread, all three engines at once (each verifier names its
 * engine with {@code ed25519Engine}). Every result is consumed, and each variant is checked at set-up to accept the
 * token and reject it with a flipped signature bit.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.EngineRounds [ROUNDS] [SLICE_MS] [WARMUP_S]
 * </pre>
 */
public final class EngineRounds {

    private interface Operation {
        Object run() throws Exception;
    }

    private record Variant(String name, Operation operation) {
    }

    private static long sink;

    private EngineRounds() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 300) * 1_000_000L;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Fixture fixture = Fixture.of("EdDSA");

        List<Variant> variants = new ArrayList<>();
        variants.add(floor("floor", fixture, JdkCrypto.forFixture(fixture)));
        variants.add(floor("floorTink", fixture, Ed25519Checks.tink(fixture)));
        variants.add(floor("floorBouncyCastle", fixture, Ed25519Checks.bouncyCastle(fixture)));
        variants.add(floor("floorBouncyCastleSigner", fixture, Ed25519Checks.bouncyCastleSigner(fixture)));
        variants.add(parse("floorPlusParse", fixture, new MinimalVerifier(fixture)));
        variants.add(parse("floorPlusParseTink", fixture, new MinimalVerifier(fixture, Ed25519Checks.tink(fixture))));
        variants.add(parse("floorPlusParseBouncyCastle", fixture,
                new MinimalVerifier(fixture, Ed25519Checks.bouncyCastle(fixture))));
        variants.add(cold("betterauth4jCold", fixture, "jdk"));
        variants.add(cold("betterauth4jColdTink", fixture, "tink"));
        variants.add(cold("betterauth4jColdBouncyCastle", fixture, "bouncycastle"));

        for (Variant variant : variants) {
            runFor(variant, warmupSeconds * 1_000_000_000L);
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        variants.forEach(v -> rates.put(v.name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((i + round) % variants.size());
                rates.get(variant.name)[round] = runFor(variant, sliceNanos);
            }
        }

        System.out.printf(Locale.ROOT, "JVM %s %s; %d rounds of %d ms per variant (order rotating), %d s warm-up each;"
                        + " load average at the end %s%n%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rounds, sliceNanos / 1_000_000, warmupSeconds, CpuTimeRounds.loadAverage());
        System.out.println("| variant | ops/s, median of the rounds | lowest | highest |");
        System.out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, double[]> entry : rates.entrySet()) {
            double[] sorted = entry.getValue().clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| `%s` | %,.0f | %,.0f | %,.0f |%n", entry.getKey(), CpuTimeRounds.median(entry.getValue()),
                    sorted[0], sorted[sorted.length - 1]);
        }
        System.out.println();
        System.out.println("| ratio (within each round) | median | middle half of the rounds |");
        System.out.println("|---|---:|---|");
        ratio(rates, "betterauth4jColdBouncyCastle", "betterauth4jCold", "Bouncy Castle cold ÷ JDK cold");
        ratio(rates, "betterauth4jColdTink", "betterauth4jCold", "Tink cold ÷ JDK cold");
        ratio(rates, "floorPlusParse", "betterauth4jCold", "JDK: floorPlusParse ÷ cold (× floorPlusParse)");
        ratio(rates, "floorPlusParseTink", "betterauth4jColdTink", "Tink: floorPlusParseTink ÷ cold");
        ratio(rates, "floorPlusParseBouncyCastle", "betterauth4jColdBouncyCastle",
                "Bouncy Castle: floorPlusParseBouncyCastle ÷ cold");
        ratio(rates, "floorBouncyCastle", "floor", "floorBouncyCastle ÷ floor (bare checks)");
        ratio(rates, "floorTink", "floor", "floorTink ÷ floor");
        ratio(rates, "floorBouncyCastle", "floorBouncyCastleSigner", "low-level ÷ Ed25519Signer (Bouncy Castle)");
        System.out.println("\n(sink " + (sink & 1) + ")");
    }

    private static Variant floor(String name, Fixture fixture, SignatureCheck check) {
        if (!check.verify(fixture.signingInput, fixture.signature)
                || check.verify(fixture.signingInput, fixture.flippedSignature)) {
            throw new IllegalStateException(name + " does not tell valid from invalid");
        }
        return new Variant(name, () -> {
            if (!check.verify(fixture.signingInput, fixture.signature)) {
                throw new IllegalStateException(name + ": signature did not verify");
            }
            return Boolean.TRUE;
        });
    }

    private static Variant parse(String name, Fixture fixture, MinimalVerifier verifier) {
        TokenCheck.requireAcceptsAndRejects(name, fixture, verifier::verify);
        return new Variant(name, () -> verifier.verify(fixture.token));
    }

    private static Variant cold(String name, Fixture fixture, String engine) {
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().issuer(Fixture.ISSUER).audiences(Fixture.ISSUER)
                .algorithms(fixture.algorithm).jwks(fixture.jwkSet).ed25519Engine(engine).build();
        if (!verifier.toString().contains("ed25519=" + engine)) {
            throw new IllegalStateException(name + ": expected the " + engine + " engine: " + verifier);
        }
        TokenCheck.requireAcceptsAndRejects(name, fixture, verifier::verify);
        return new Variant(name, () -> verifier.verify(fixture.token));
    }

    /** Runs {@code variant} for about {@code nanos}; returns operations per second. */
    private static double runFor(Variant variant, long nanos) throws Exception {
        long start = System.nanoTime();
        long end = start + nanos;
        long count = 0;
        long now;
        do {
            sink += variant.operation.run().hashCode();
            count++;
            now = System.nanoTime();
        } while (now < end);
        return count * 1e9 / (now - start);
    }

    private static void ratio(Map<String, double[]> rates, String numerator, String denominator, String label) {
        double[] a = rates.get(numerator);
        double[] b = rates.get(denominator);
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f – %.2f |%n", label, CpuTimeRounds.median(ratios),
                sorted[sorted.length / 4], sorted[(3 * sorted.length) / 4]);
    }
}

package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.Ed25519Checks;
import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.benchmarks.JdkCrypto;
import dev.betterauth4j.benchmarks.MinimalVerifier;
import dev.betterauth4j.benchmarks.Peers;
import dev.betterauth4j.benchmarks.SignatureCheck;
import dev.betterauth4j.benchmarks.TokenCheck;
import dev.betterauth4j.benchmarks.Variant;
import dev.betterauth4j.core.BetterAuthVerifier;
import org.openjdk.jmh.annotations.Param;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the support matrix of {@link Variant} against the libraries themselves:
 * <ul>
 *   <li>each benchmark class's {@code @Param} list equals the variant's supported algorithms;</li>
 *   <li>each supported combination accepts the token and rejects it with a flipped signature bit;</li>
 *   <li>each combination declared unsupported is really refused by the library (the refusal is recorded as
 *       evidence); one that works means the declaration is stale, and the probe fails.</li>
 * </ul>
 * Prints the matrix; exits 1 on any mismatch.
 */
public final class SupportProbe {

    /** One cell: "ok", "unsupported" (with the library's own refusal), or "n/a". */
    public record Cell(Variant variant, String algorithm, String status, String evidence) {
    }

    private SupportProbe() {
    }

    public static void main(String[] args) {
        List<String> problems = new ArrayList<>();
        Map<String, Cell> cells = probe(problems);
        for (Cell cell : cells.values()) {
            System.out.printf("%-24s %-6s %-12s %s%n", cell.variant(), cell.algorithm(), cell.status(),
                    cell.evidence() == null ? "" : cell.evidence());
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("PROBLEM: " + p));
            System.exit(1);
        }
        System.out.println("Support matrix confirmed on " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
    }

    /** Probes every variant and algorithm; adds a line to {@code problems} for each mismatch. Keyed variant/alg. */
    public static Map<String, Cell> probe(List<String> problems) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            List<String> params = paramValues(variant.benchmarkClass);
            if (!params.equals(variant.supported)) {
                problems.add(variant + ": @Param " + params + " differs from the declared support " + variant.supported);
            }
            for (String algorithm : Fixture.ALGORITHMS) {
                Fixture fixture = Fixture.of(algorithm);
                Cell cell;
                if (variant.supported.contains(algorithm)) {
                    try {
                        AutoCloseable[] resources = new AutoCloseable[1];
                        TokenCheck.requireAcceptsAndRejects(variant.name(), fixture, check(variant, fixture, resources));
                        if (resources[0] != null) {
                            resources[0].close();
                        }
                        cell = new Cell(variant, algorithm, "ok", null);
                    } catch (Exception | LinkageError e) {
                        problems.add(variant + "/" + algorithm + " is declared supported but failed: " + e);
                        cell = new Cell(variant, algorithm, "FAILED", e.toString());
                    }
                } else if (variant.unsupported.containsKey(algorithm)) {
                    String refusal = refusal(variant, fixture);
                    if (refusal == null) {
                        problems.add(variant + "/" + algorithm + " is declared unsupported but verified the token:"
                                + " add it to the benchmark's @Param list and to Variant");
                        cell = new Cell(variant, algorithm, "WORKS?", null);
                    } else {
                        cell = new Cell(variant, algorithm, "unsupported", refusal);
                    }
                } else {
                    cell = new Cell(variant, algorithm, "n/a", null);
                }
                cells.put(variant + "/" + algorithm, cell);
            }
        }
        return cells;
    }

    /** The library's refusal of the combination as a message, or null if it verified the token after all. */
    private static String refusal(Variant variant, Fixture fixture) {
        AutoCloseable[] resources = new AutoCloseable[1];
        try {
            Object result = check(variant, fixture, resources).verify(fixture.token);
            return result == null ? "returned null" : null;
        } catch (Exception | LinkageError e) {
            return e.getClass().getName() + ": " + e.getMessage();
        } finally {
            if (resources[0] != null) {
                try {
                    resources[0].close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    /** The floor's check: the signature over the token's first two parts, nothing else. */
    private static TokenCheck signatureOnly(SignatureCheck crypto) {
        return token -> {
            int dot = token.lastIndexOf('.');
            if (!crypto.verify(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                    Base64.getUrlDecoder().decode(token.substring(dot + 1)))) {
                throw new IllegalArgumentException("bad signature");
            }
            return Boolean.TRUE;
        };
    }

    /** The check each benchmark does, built the same way (see {@link Peers}). */
    private static TokenCheck check(Variant variant, Fixture fixture, AutoCloseable[] resources) throws Exception {
        switch (variant) {
            case floor -> {
                return signatureOnly(JdkCrypto.forFixture(fixture)::verify);
            }
            case floorTink, floorBouncyCastle, floorBouncyCastleSigner -> {
                return signatureOnly(variant == Variant.floorTink ? Ed25519Checks.tink(fixture)
                        : variant == Variant.floorBouncyCastle ? Ed25519Checks.bouncyCastle(fixture)
                        : Ed25519Checks.bouncyCastleSigner(fixture));
            }
            case floorPlusParse -> {
                return new MinimalVerifier(fixture)::verify;
            }
            case floorPlusParseTink -> {
                return new MinimalVerifier(fixture, Ed25519Checks.tink(fixture))::verify;
            }
            case floorPlusParseBouncyCastle -> {
                return new MinimalVerifier(fixture, Ed25519Checks.bouncyCastle(fixture))::verify;
            }
            case betterauth4jCold, betterauth4jColdTink, betterauth4jColdBouncyCastle, betterauth4jCacheHit -> {
                BetterAuthVerifier verifier = Peers.betterauth4j(fixture,
                        variant == Variant.betterauth4jCacheHit ? 10_000 : 0);
                resources[0] = verifier;
                return verifier::verify;
            }
            case nimbus -> {
                var processor = Peers.nimbus(fixture);
                return token -> processor.process(token, null);
            }
            case springNimbusJwtDecoder -> {
                Peers.SpringPeer peer = Peers.spring(fixture);
                resources[0] = peer;
                return peer.decoder()::decode;
            }
            case jose4j -> {
                return Peers.jose4j(fixture)::processToClaims;
            }
            case auth0 -> {
                return Peers.auth0(fixture)::verify;
            }
            default -> throw new IllegalArgumentException(variant.name());
        }
    }

    private static List<String> paramValues(Class<?> benchmarkClass) {
        try {
            Param param = benchmarkClass.getField("alg").getAnnotation(Param.class);
            return param == null ? List.of() : Arrays.asList(param.value());
        } catch (NoSuchFieldException e) {
            return List.of();
        }
    }
}

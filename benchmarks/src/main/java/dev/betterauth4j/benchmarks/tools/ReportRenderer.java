package dev.betterauth4j.benchmarks.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.benchmarks.Variant;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders JMH JSON results as markdown tables for docs/performance.md.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.ReportRenderer [--title T] [--out FILE]
 *      LABEL=results.json [LABEL=results.json ...]
 * </pre>
 * For each results file (one JVM): the environment and JMH settings, a summary matrix (ops/s, variant x algorithm)
 * and per algorithm every variant's ops/s with JMH's 99.9% error and its cost relative to {@code floor} and
 * {@code floorPlusParse} (floor ops/s / variant ops/s: 1.00 = as fast as the floor, 2.00 = half as fast). Combinations
 * a library cannot verify say "unsupported", with the library's own refusal (from {@link SupportProbe}) as a note.
 * Exits 1, after writing the report, if the support probe fails or a supported combination has no result (unless
 * {@code --allow-missing}, for runs of a subset).
 */
public final class ReportRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Score(double score, double error, String unit) {
    }

    private ReportRenderer() {
    }

    public static void main(String[] args) throws IOException {
        String title = "betterauth4j verification throughput";
        Path out = null;
        boolean allowMissing = false;
        Map<String, Path> inputs = new LinkedHashMap<>();
        Map<String, Path[]> contention = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--title" -> title = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--allow-missing" -> allowMissing = true;
                case "--contention" -> {
                    // LABEL=one-thread.json,four-threads.json
                    String value = args[++i];
                    int eq = value.indexOf('=');
                    String[] files = value.substring(eq + 1).split(",");
                    contention.put(value.substring(0, eq), new Path[] {Path.of(files[0]), Path.of(files[1])});
                }
                default -> {
                    int eq = args[i].indexOf('=');
                    if (eq <= 0) {
                        System.err.println("Usage: ReportRenderer [--title T] [--out FILE] [--allow-missing]"
                                + " LABEL=results.json ...");
                        System.exit(2);
                    }
                    inputs.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)));
                }
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("No results given");
            System.exit(2);
        }

        List<String> problems = new ArrayList<>();
        Map<String, SupportProbe.Cell> support = SupportProbe.probe(problems);
        List<String> missing = new ArrayList<>();

        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        md.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs available (nproc)\n");
        md.append("- Token: Better Auth `jwt` plugin shape, header `{alg, kid}`, ")
                .append(Fixture.of("EdDSA").token.length()).append(" chars (EdDSA) to ")
                .append(Fixture.of("ES512").token.length()).append(" (ES512), ")
                .append(Fixture.of("RS256").token.length()).append(" (RS256/PS256); RSA keys 2048 bits\n");
        md.append("- Throughput, higher is better. \"× floor\" = floor ops/s ÷ variant ops/s: 1.00 is as fast as the"
                + " bare JDK signature check, 2.00 half as fast; below 1 is faster than the floor (a cache hit, or"
                + " another Ed25519 engine).\n\n");

        Map<String, Map<String, Score>> runs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            runs.put(input.getKey(), renderRun(md, input.getKey(), MAPPER.readTree(input.getValue().toFile()), support,
                    missing, allowMissing));
        }
        renderEngines(md, runs);
        if (!contention.isEmpty()) {
            renderContention(md, contention);
        }

        md.append("### Variants\n\n");
        for (Variant variant : Variant.values()) {
            md.append("- `").append(variant).append("`: ").append(variant.description).append('\n');
        }
        md.append("\n### Unsupported combinations (the library's own refusal, from SupportProbe on ")
                .append(System.getProperty("java.version")).append(")\n\n");
        for (SupportProbe.Cell cell : support.values()) {
            if (cell.status().equals("unsupported")) {
                md.append("- `").append(cell.variant()).append("` ").append(cell.algorithm()).append(": ")
                        .append(cell.variant().unsupported.get(cell.algorithm())).append(". Refusal: `")
                        .append(oneLine(cell.evidence())).append("`\n");
            }
        }
        md.append("\nHS256 tokens carry no `kid` (Better Auth's `jwt` plugin never signs with the secret; Nimbus'"
                + " `ImmutableSecret` has no key id to match). Spring ES256/ES512 use `withJwkSetUri` against a"
                + " loopback JWKS endpoint (Spring 6.5 has `withPublicKey` for RSA keys only); the key set is fetched"
                + " once and then served from Spring's cache. `betterauth4jCacheHit` passes the same `String` instance"
                + " every time; the cache digests it anyway (SHA-256 of the whole token, its key), so a server's new"
                + " string per request costs the same.\n");

        String text = md.toString();
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        System.out.println(text);
        String missingLabel = allowMissing ? "note: " : "PROBLEM: ";
        missing.forEach(m -> System.err.println(missingLabel + m));
        problems.forEach(p -> System.err.println("PROBLEM: " + p));
        if (!problems.isEmpty() || (!allowMissing && !missing.isEmpty())) {
            System.exit(1);
        }
    }

    /** Every result of a JMH results file, keyed {@code benchmarkMethod/alg}. */
    private static Map<String, Score> scores(JsonNode results) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String variant = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String algorithm = result.path("params").path("alg").asText();
            JsonNode metric = result.path("primaryMetric");
            scores.put(variant + "/" + algorithm, new Score(metric.path("score").asDouble(),
                    parseDouble(metric.path("scoreError")), metric.path("scoreUnit").asText()));
        }
        return scores;
    }

    /**
     * The Ed25519 engines side by side, per JVM: each engine's bare check ({@code floor*}), the minimal verifier with
     * it ({@code floorPlusParse*}), betterauth4j cold with it, and the ratios the targets are stated in.
     */
    private static void renderEngines(StringBuilder md, Map<String, Map<String, Score>> runs) {
        md.append("### Ed25519 engines, EdDSA, one thread\n\n");
        md.append("\"cold ÷ JDK cold\" is betterauth4j's cold rate with the engine over its cold rate on the JDK's"
                + " engine, same run; \"× floorPlusParse\" is the engine's `floorPlusParse` ops/s ÷ betterauth4j cold"
                + " ops/s with the same engine (1.00: costs what the minimal verifier costs).\n\n");
        md.append("| JVM | engine | floor | floorPlusParse | betterauth4j cold | cold ÷ JDK cold | × floorPlusParse |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        String[][] engines = {
            {"JDK `Signature(\"Ed25519\")`", "floor", "floorPlusParse", "betterauth4jCold"},
            {"Tink 1.23 `subtle.Ed25519Verify`", "floorTink", "floorPlusParseTink", "betterauth4jColdTink"},
            {"Bouncy Castle `rfc8032.Ed25519`", "floorBouncyCastle", "floorPlusParseBouncyCastle",
                "betterauth4jColdBouncyCastle"},
            {"Bouncy Castle `Ed25519Signer`", "floorBouncyCastleSigner", null, null},
        };
        for (Map.Entry<String, Map<String, Score>> run : runs.entrySet()) {
            Map<String, Score> scores = run.getValue();
            Score jdkCold = scores.get("betterauth4jCold/EdDSA");
            for (String[] engine : engines) {
                Score floor = scores.get(engine[1] + "/EdDSA");
                Score parse = engine[2] == null ? null : scores.get(engine[2] + "/EdDSA");
                Score cold = engine[3] == null ? null : scores.get(engine[3] + "/EdDSA");
                md.append("| ").append(run.getKey()).append(" | ").append(engine[0]).append(" | ")
                        .append(floor == null ? "" : number(floor.score)).append(" | ")
                        .append(parse == null ? "" : number(parse.score)).append(" | ")
                        .append(cold == null ? "" : number(cold.score)).append(" | ")
                        .append(cold == null || jdkCold == null ? "" : speedup(cold, jdkCold)).append(" | ")
                        .append(ratio(parse, cold)).append(" |\n");
            }
        }
        md.append('\n');
    }

    /** The contention benchmark at one thread and at four, per JVM, and how each path scales. */
    private static void renderContention(StringBuilder md, Map<String, Path[]> contention) throws IOException {
        md.append("### The token cache under contention (TokenCacheContentionBenchmark)\n\n");
        md.append("The same benchmarks with 1 and with 4 threads (2 per core), every verifier shared by the threads;"
                + " Ed25519 on Bouncy Castle. \"4 ÷ 1\" is the total throughput at 4 threads over that at 1: on 2 cores,"
                + " about 2.0 is perfect scaling, less is contention (or the cores' other work).\n\n");
        md.append("| JVM | alg | benchmark | 1 thread ops/s | 4 threads ops/s | 4 ÷ 1 |\n");
        md.append("|---|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Path[]> run : contention.entrySet()) {
            Map<String, Score> one = scores(MAPPER.readTree(run.getValue()[0].toFile()));
            Map<String, Score> four = scores(MAPPER.readTree(run.getValue()[1].toFile()));
            for (String key : one.keySet()) {
                Score single = one.get(key);
                Score multi = four.get(key);
                String[] parts = key.split("/");
                md.append("| ").append(run.getKey()).append(" | ").append(parts[1]).append(" | `").append(parts[0])
                        .append("` | ").append(number(single.score)).append(" | ")
                        .append(multi == null ? "" : number(multi.score)).append(" | ")
                        .append(multi == null ? "" : speedup(multi, single)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static String speedup(Score faster, Score base) {
        return String.format(Locale.ROOT, "%.2f", faster.score / base.score);
    }

    private static Map<String, Score> renderRun(StringBuilder md, String label, JsonNode results,
                                                Map<String, SupportProbe.Cell> support, List<String> problems,
                                                boolean partial) {
        Map<String, Score> scores = scores(results);
        // A partial run (a subset of benchmarks or algorithms) shows the algorithms it measured; a full one shows all,
        // so that a missing result stands out.
        List<String> algorithms = Fixture.ALGORITHMS.stream()
                .filter(a -> !partial || scores.keySet().stream().anyMatch(key -> key.endsWith("/" + a)))
                .toList();
        JsonNode first = results.size() == 0 ? null : results.get(0);
        md.append("### ").append(label);
        if (first != null) {
            md.append(": ").append(first.path("vmName").asText()).append(' ')
                    .append(first.path("vmVersion").asText()).append(" (JDK ").append(first.path("jdkVersion").asText())
                    .append(")");
        }
        md.append("\n\n");
        if (first == null) {
            md.append("No results.\n\n");
            problems.add(label + ": the results file is empty");
            return scores;
        }
        md.append("JMH ").append(first.path("jmhVersion").asText()).append(", mode ").append(first.path("mode").asText())
                .append(", ").append(first.path("forks").asInt()).append(" fork(s) × ")
                .append(first.path("measurementIterations").asInt()).append(" × ")
                .append(first.path("measurementTime").asText()).append(" measurement, ")
                .append(first.path("warmupIterations").asInt() == 0 ? "no"
                        : first.path("warmupIterations").asInt() + " × " + first.path("warmupTime").asText())
                .append(" warm-up, ").append(first.path("threads").asInt()).append(" thread(s), JVM args ")
                .append(first.path("jvmArgs")).append(". Error: JMH's 99.9% confidence half-width.\n\n");

        // Summary: variants down, algorithms across.
        md.append("| ops/s | ").append(String.join(" | ", algorithms)).append(" |\n");
        md.append("|---|").append("---:|".repeat(algorithms.size())).append('\n');
        for (Variant variant : Variant.values()) {
            md.append("| `").append(variant).append("` |");
            for (String algorithm : algorithms) {
                md.append(' ').append(cell(variant, algorithm, scores, support, problems, label, false)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');

        for (String algorithm : algorithms) {
            Score floor = scores.get("floor/" + algorithm);
            Score parse = scores.get("floorPlusParse/" + algorithm);
            md.append("#### ").append(label).append(", ").append(algorithm).append("\n\n");
            md.append("| variant | ops/s | ± error | × floor | × floorPlusParse |\n");
            md.append("|---|---:|---:|---:|---:|\n");
            for (Variant variant : Variant.values()) {
                if (!variant.supported.contains(algorithm) && !variant.unsupported.containsKey(algorithm)) {
                    continue; // not applicable (the other Ed25519 engines for anything but EdDSA)
                }
                Score score = scores.get(variant + "/" + algorithm);
                md.append("| `").append(variant).append("` | ");
                if (score == null) {
                    String status = cell(variant, algorithm, scores, support, new ArrayList<>(), label, true);
                    md.append(status).append(" | | | |\n");
                    continue;
                }
                md.append(number(score.score)).append(" | ").append(error(score.error)).append(" | ")
                        .append(ratio(floor, score)).append(" | ").append(ratio(parse, score)).append(" |\n");
            }
            md.append('\n');
        }
        return scores;
    }

    private static String cell(Variant variant, String algorithm, Map<String, Score> scores,
                               Map<String, SupportProbe.Cell> support, List<String> problems, String label,
                               boolean statusOnly) {
        Score score = scores.get(variant + "/" + algorithm);
        if (score != null && !statusOnly) {
            return number(score.score);
        }
        if (variant.unsupported.containsKey(algorithm)) {
            SupportProbe.Cell probed = support.get(variant + "/" + algorithm);
            return probed != null && probed.status().equals("unsupported") ? "unsupported" : "unsupported?";
        }
        if (!variant.supported.contains(algorithm)) {
            return "—";
        }
        problems.add(label + ": no result for " + variant + "/" + algorithm);
        return "**MISSING**";
    }

    private static String ratio(Score base, Score variant) {
        if (base == null || variant == null || variant.score <= 0) {
            return "";
        }
        double r = base.score / variant.score;
        if (r >= 10) {
            return String.format(Locale.ROOT, "%.0f", r);
        }
        if (r >= 0.995) {
            return String.format(Locale.ROOT, "%.2f", r);
        }
        return new BigDecimal(r).round(new MathContext(2)).toPlainString();
    }

    private static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String error(double value) {
        return Double.isNaN(value) ? "n/a" : number(value);
    }

    private static double parseDouble(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ').replace('`', '\'');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}

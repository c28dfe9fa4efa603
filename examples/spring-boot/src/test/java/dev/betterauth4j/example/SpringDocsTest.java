package dev.betterauth4j.example;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spring.md shows what compiles: each Java block marked {@code <!-- snippet:NAME -->} is, line for line, the
 * region {@code // snippet:NAME:begin} ... {@code :end} of the example's sources (the application itself, or
 * {@link SpringDocsSnippets}); and its table of properties is the one the starter's configuration metadata describes.
 */
class SpringDocsTest {

    private static final Path DOC = Path.of("..", "..", "docs", "spring.md");
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet:([a-z-]+) -->\\n```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyMarkedJavaBlockIsCompiledSource() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, String> regions = regions();
        Matcher blocks = SNIPPET.matcher(doc);
        List<String> shown = new ArrayList<>();
        while (blocks.find()) {
            String name = blocks.group(1);
            shown.add(name);
            assertThat(regions).as("a source region for snippet %s", name).containsKey(name);
            assertThat(blocks.group(2).strip()).as("snippet %s", name).isEqualTo(regions.get(name));
        }
        assertThat(shown).as("snippets in docs/spring.md").containsAll(regions.keySet());
    }

    @Test
    void thePropertiesTableIsTheConfigurationMetadata() throws Exception {
        String doc = Files.readString(DOC);
        String begin = "<!-- spring-properties:begin (generated from the configuration metadata) -->\n";
        String end = "<!-- spring-properties:end -->";
        assertThat(doc).contains(begin).contains(end);
        String table = doc.substring(doc.indexOf(begin) + begin.length(), doc.indexOf(end));

        assertThat(table).isEqualTo(String.join("\n", propertiesTable()) + "\n");
    }

    /** The table docs/spring.md must show, from META-INF/spring-configuration-metadata.json. */
    static List<String> propertiesTable() throws IOException {
        Map<String, Object> metadata = null;
        // Every jar with configuration properties has such a file; the starter's is the one of group better.auth.
        for (URL url : Collections.list(SpringDocsTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                Map<String, Object> candidate = JsonParserFactory.getJsonParser().parseMap(new String(
                        in.readAllBytes(), StandardCharsets.UTF_8));
                if (String.valueOf(candidate.get("groups")).contains("name=better.auth,")) {
                    metadata = candidate;
                }
            }
        }
        assertThat(metadata).as("the starter's configuration metadata").isNotNull();
        List<String> lines = new ArrayList<>(List.of("| Property | Environment variable | Type | Meaning |",
                "|---|---|---|---|"));
        for (Object entry : (List<?>) metadata.get("properties")) {
            Map<?, ?> property = (Map<?, ?>) entry;
            String description = (String) property.get("description");
            int environment = description.lastIndexOf(" Environment: ");
            String variable = description.substring(environment + " Environment: ".length()).replaceAll("\\.$", "");
            String type = ((String) property.get("type")).replaceAll("^java\\.(lang|net|time|util)\\.", "")
                    .replaceAll("<.*", "").replaceAll("java\\.lang\\.Class", "Class");
            lines.add("| `" + property.get("name") + "` | `" + variable + "` | " + type + " | "
                    + description.substring(0, environment) + " |");
        }
        return lines;
    }

    /** Every {@code // snippet:NAME:begin} ... {@code :end} region of the example's sources, without its indentation. */
    private static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        Pattern region = Pattern.compile("// snippet:([a-z-]+):begin\\n(.*?)\\n[ ]*// snippet:\\1:end", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher found = region.matcher(Files.readString(file));
                while (found.find()) {
                    regions.put(found.group(1), unindented(found.group(2)));
                }
            }
        }
        return regions;
    }

    private static String unindented(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).strip();
    }
}

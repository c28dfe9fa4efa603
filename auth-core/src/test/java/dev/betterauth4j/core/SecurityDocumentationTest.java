package dev.betterauth4j.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/security.md} names a test for every claim. This keeps every named {@code Class#method} (or
 * {@code Class.Nested#method}) a real test method in one of the modules' test sources.
 */
class SecurityDocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:\\.[A-Z][A-Za-z0-9]*)?)#([a-z][A-Za-z0-9]*)`");

    @Test
    void everyTestNamedInTheSecurityDocumentExists() throws IOException {
        String document = Files.readString(ROOT.resolve("docs/security.md"));
        Matcher reference = REFERENCE.matcher(document);
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (reference.find()) {
            count++;
            String type = reference.group(1);
            String method = reference.group(2);
            String outer = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
            String nested = type.contains(".") ? type.substring(type.indexOf('.') + 1) : null;
            if (!declares(outer, nested, method)) {
                missing.add(type + "#" + method);
            }
        }
        assertThat(count).as("test references in docs/security.md").isGreaterThan(60);
        assertThat(missing).as("named in docs/security.md but not found").isEmpty();
    }

    private static boolean declares(String outer, String nested, String method) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals(outer + ".java"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "test")).toList()) {
                String source = Files.readString(file);
                String scope = source;
                if (nested != null) {
                    int start = source.indexOf("class " + nested + " ");
                    if (start < 0) {
                        continue;
                    }
                    scope = source.substring(start);
                }
                if (Pattern.compile("void " + method + "\\(").matcher(scope).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}

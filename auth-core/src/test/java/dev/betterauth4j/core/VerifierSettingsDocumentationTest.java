package dev.betterauth4j.core;

import dev.betterauth4j.core.settings.SettingsReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/auth-core.md shows the verifier's configuration table as {@link VerifierSettings} defines it. Run with
 * {@code -Ddocs.regenerate=true} to rewrite the section from the table.
 */
class VerifierSettingsDocumentationTest {

    private static final Path DOCUMENT = Path.of("../docs/auth-core.md");
    private static final String BEGIN = "<!-- verifier-settings:begin (generated from VerifierSettings) -->\n";
    private static final String END = "<!-- verifier-settings:end -->";

    @Test
    void theDocumentShowsTheConfigurationTable() throws IOException {
        String document = Files.readString(DOCUMENT);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/auth-core.md has the generated section").isNotNegative();
        String table = String.join("\n", SettingsReader.markdown(VerifierSettings.TABLE)) + "\n";
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(DOCUMENT, document.substring(0, begin + BEGIN.length()) + table + document.substring(end));
            return;
        }
        assertThat(document.substring(begin + BEGIN.length(), end)).isEqualTo(table);
    }
}

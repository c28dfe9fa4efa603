package dev.betterauth4j.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's rule for its own code: no main source file of any module is longer than 400 lines, so a class that
 * takes on a second job (a kind of credential's options, a server's plumbing) is split into parts before it lands.
 */
class MainSourceSizeTest {

    private static final int MOST_LINES = 400;
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noMainSourceFileIsLongerThan400Lines() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        List<Path> sources = mainSources();
        for (Path source : sources) {
            int lines = lines(source);
            if (lines > MOST_LINES) {
                tooLong.put(PROJECT.relativize(source).toString(), lines);
            }
        }
        assertThat(sources).as("main sources under " + PROJECT).hasSizeGreaterThan(100);
        assertThat(tooLong).as("main sources over " + MOST_LINES + " lines").isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> isMainSource(PROJECT.relativize(file).toString().replace('\\', '/')))
                    .toList();
        }
    }

    /** A file under a module's {@code src/main/java}, not a build output or a dependency's copy. */
    private static boolean isMainSource(String relative) {
        return relative.contains("/src/main/java/") && !relative.matches("(.*/)?(target|node_modules|\\.git)/.*");
    }

    private static int lines(Path source) {
        try (Stream<String> lines = Files.lines(source)) {
            return (int) lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

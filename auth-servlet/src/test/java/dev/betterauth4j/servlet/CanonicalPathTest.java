package dev.betterauth4j.servlet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which raw paths are canonical, and what they decode to. */
class CanonicalPathTest {

    @ParameterizedTest
    @CsvSource({"/, /", "/health, /health", "/public/x, /public/x", "/public/caf%C3%A9, /public/café",
        "/public/a%20b, /public/a b", "/public/a.b, /public/a.b", "/public/...x, /public/...x",
        "/public/%2e%2ex, /public/..x", "/public/a+b, /public/a+b"})
    void decodesACanonicalPath(String raw, String decoded) {
        assertThat(CanonicalPath.decode(raw)).contains(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "public", "//", "/public//x", "/public/x/", "/./x", "/public/./x", "/public/../x",
        "/public/%2e/x", "/public/%2E%2e/x", "/public/.%2e/x", "/public/%2e./x", "/public/..", "/public/.",
        "/public/x;a=b", "/public/;/x", "/public/x%3b", "/public/x%3B", "/public%2fx", "/public%2Fx",
        "/public/%5cx", "/public/a\\b", "/public/%25/x", "/public/%252e%252e/x", "/public/%00", "/public/%0a",
        "/public/%7f", "/public/\u0001", "/public/\u00e9", "/public/%ff", "/public/%c3", "/public/%c0%ae%c0%ae",
        "/public/%", "/public/%2", "/public/%zz", "/public/%2g"})
    void refusesAPathThatIsNotCanonical(String raw) {
        assertThat(CanonicalPath.decode(raw)).isEmpty();
    }
}

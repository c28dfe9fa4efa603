package dev.betterauth4j.core;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's usage example, compiled and run as written. */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "betterauth4j", "core",
            "ReadmeExampleTest.java");

    @Test
    void theUsageExampleRunsAsWritten() {
        // A missing token is rejected before any key is needed, so the block runs without network access.
        assertThat(readmeExample(null)).isEqualTo(401);
    }

    @Test
    void theUsageExampleVerifiesABetterAuthTokenAndMapsAnOutageTo503() throws Exception {
        try (JwksServer server = JwksServer.start()) {
            SigningKey key = SigningKey.of("EdDSA");
            server.publish(key.publicJwk());
            String token = TestToken.betterAuth(key, server.issuer(), java.time.Instant.now()).signWith(key);

            assertThat(sameAsReadme(server.baseUrl(), token)).isEqualTo(200);
            assertThat(sameAsReadme(URI.create("http://127.0.0.1:9"), token)).isEqualTo(503);
        }
    }

    /** The README's block, verbatim. Returns the HTTP status it chose (200 when the token was accepted). */
    private static int readmeExample(String token) {
        int result = 200;
        // README:BEGIN
        BetterAuthVerifier verifier = BetterAuthVerifier.builder()
                .baseUrl(URI.create("https://app.example.com"))   // your Better Auth app (BETTER_AUTH_URL)
                .build();                                          // build once, share everywhere

        try {
            AuthenticatedUser user = verifier.verify(token);       // token from "Authorization: Bearer <token>"
            System.out.println(user.id() + " " + user.email());
        } catch (TokenVerificationException e) {
            int status = e.reason().isOutage() ? 503 : 401;        // e.getMessage() is safe to send to the client
            // README:END
            result = status;
        }
        return result;
    }

    /** The README's block with a loopback Better Auth stand-in instead of app.example.com. */
    private static int sameAsReadme(URI appUrl, String token) {
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(appUrl).build();
        try {
            verifier.verify(token);
            return 200;
        } catch (TokenVerificationException e) {
            return e.reason().isOutage() ? 503 : 401;
        }
    }

    @Test
    void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
        Matcher block = Pattern.compile("## Usage\\s+```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(README));
        assertThat(block.find()).as("README has a java block under ## Usage").isTrue();
        String source = Files.readString(THIS_FILE);
        String tested = source.substring(source.indexOf("// README:BEGIN"), source.indexOf("// README:END"));

        List<String> readmeLines = Arrays.stream(block.group(1).split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        List<String> testedLines = Arrays.stream(tested.split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("// README")).toList();
        assertThat(testedLines).isEqualTo(readmeLines.subList(0, testedLines.size()));
        assertThat(readmeLines.subList(testedLines.size(), readmeLines.size())).containsExactly("}");
    }
}

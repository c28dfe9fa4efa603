package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.IntrospectionServer;
import dev.betterauth4j.testsupport.LeakScanner;
import dev.betterauth4j.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token, no part of a signature and no shared secret appears in any log record or in any response (status line,
 * headers, body) while the whole servlet suite runs on Jetty and Tomcat, nor in the {@code toString()} of the
 * servlet module's public types.
 *
 * <p>Out of scope: what a container answers and logs for a request whose HTTP framing it refuses before any filter
 * runs (bytes HTTP forbids in a header). Tomcat's error report echoes such bytes in hex, and logs the first one at
 * INFO; {@code docs/security.md} says how to turn that off. Those requests never reach the filter.
 */
class NoSecretLeakTest {

    private static final String SECRET = "servlet-leak-test-secret-0123456789-abcdefghijkl";
    private final LeakScanner scanner = new LeakScanner(SECRET);

    @Test
    void theServletSuitesLeakNothingIntoLogsOrResponses() {
        TestExecutionSummary summary;
        List<String> logTexts;
        Http.RECORDED.clear();
        Http.recording = true;
        try (LogCapture logs = LogCapture.start()) {
            summary = LeakScanner.run(JettyFilterContractTest.class, TomcatFilterContractTest.class,
                    AuthorizationHeaderFuzzTest.class, FilterInitializationTest.class, BearerTokenParserFuzzTest.class,
                    JettyOAuthFilterContractTest.class, TomcatOAuthFilterContractTest.class, ScopeRulesTest.class);
            logTexts = logs.texts();
        } finally {
            Http.recording = false;
        }

        assertThat(summary.getTotalFailureCount()).as("the suites themselves pass: %s", summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).toList()).isZero();
        assertThat(summary.getTestsSucceededCount()).isGreaterThan(60);
        assertThat(Http.RECORDED).as("responses were captured").hasSizeGreaterThan(4_000);
        List<String> leaks = new ArrayList<>();
        int scannedResponses = 0;
        LeakScanner opaque = new LeakScanner(IntrospectionServer.ISSUED.toArray(String[]::new));
        for (int i = 0; i < logTexts.size(); i++) {
            if (!logTexts.get(i).contains("Error parsing HTTP request header")) {
                collect(leaks, "log record " + i, logTexts.get(i));
                leaks.addAll(opaque.leaks("log record " + i, logTexts.get(i)));
            }
        }
        for (int i = 0; i < Http.RECORDED.size(); i++) {
            if (!isContainerFramingError(Http.RECORDED.get(i))) {
                collect(leaks, "response " + i, Http.RECORDED.get(i));
                leaks.addAll(opaque.leaks("response " + i, Http.RECORDED.get(i)));
                scannedResponses++;
            }
        }
        assertThat(scannedResponses).isGreaterThan(3_000);
        assertThat(leaks).isEmpty();
    }

    /** A 400 the container's HTTP parser wrote itself: an HTML page (Tomcat) or Jetty's "Bad Message" answer. */
    private static boolean isContainerFramingError(String response) {
        String head = response.lines().limit(12).reduce("", (a, b) -> a + "\n" + b).toLowerCase();
        boolean badRequest = response.startsWith("HTTP/1.1 400") || response.startsWith("400 ");
        boolean ours = head.contains("application/problem+json") || head.contains("www-authenticate");
        return badRequest && !ours && (head.contains("text/html") || response.contains("Bad Message"));
    }

    private void collect(List<String> leaks, String where, String text) {
        List<String> found = scanner.leaks(where, text);
        if (!found.isEmpty()) {
            leaks.addAll(found);
            leaks.add("  in: " + text.lines().limit(3).map(l -> l.length() > 200 ? l.substring(0, 200) : l).toList());
        }
    }

    @Test
    void noPublicTypeShowsATokenOrSecretInToString() throws Exception {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL",
                "https://auth.example.com", "BETTER_AUTH_SECRET", SECRET));
        BetterAuthFilter filter = BetterAuthFilter.builder(verifier).cookie("api_token").build();
        AuthenticatedUser user = FilterContractTest.verifier().verify(FilterContractTest.token());
        Object[] values = {filter, new BetterAuthFilter(), new BetterAuthPrincipal(user),
            new AuthenticationFailure(401, "invalid_token", Reason.EXPIRED, "The token has expired"),
            BearerTokenParser.parse("Bearer " + FilterContractTest.token()), BetterAuthFilter.builder(verifier)};
        for (Object value : values) {
            assertThat(scanner.leaks(value.getClass().getSimpleName(), value.toString())).isEmpty();
        }
    }
}

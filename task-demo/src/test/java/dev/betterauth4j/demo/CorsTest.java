package dev.betterauth4j.demo;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CORS through Jetty's CrossOriginHandler in front of the servlet context, as a browser sees it on the wire (the
 * browser itself: {@link BrowserCorsTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {

    private static final String FRONT_END = "http://localhost:5173";

    RunningDemo devMode;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        devMode = RunningDemo.devMode(dir);
    }

    @AfterAll
    void stop() {
        devMode.close();
    }

    private static Map<String, String> preflight(String origin, String method) {
        return Map.of("Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization,content-type");
    }

    @Test
    void answersAPreflightItselfWithoutATokenAndWithoutReachingTheFilterOrTheApi() throws Exception {
        HttpResponse<String> response = devMode.send("OPTIONS", "/api/tasks", preflight(FRONT_END, "POST"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONT_END);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().split(","))
                .contains("GET", "POST", "PUT", "PATCH", "DELETE");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().split(","))
                .contains("Authorization", "Content-Type");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void theFiltersRefusalCarriesCorsHeadersAndExposesWwwAuthenticate() throws Exception {
        HttpResponse<String> response = devMode.send("GET", "/api/tasks", Map.of("Origin", FRONT_END), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONT_END);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().split(","))
                .contains("WWW-Authenticate");
    }

    @Test
    void anAuthenticatedAnswerCarriesCorsHeadersAndExposesTheApisHeaders() throws Exception {
        HttpResponse<String> response = devMode.send("GET", "/api/tasks",
                Map.of("Origin", FRONT_END, "Authorization", "Bearer " + devMode.alice), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONT_END);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().split(","))
                .contains("X-Total-Count", "Location");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://localhost:8081", "http://127.0.0.1:5173",
            "http://localhost"})
    void devModeAllowsLoopbackOriginsOnAnyPort(String origin) throws Exception {
        HttpResponse<String> response = devMode.send("OPTIONS", "/api/tasks/1", preflight(origin, "DELETE"), null);

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://localhost.evil.example:3000", "https://localhost:3000",
            "http://127.0.0.1.evil.example", "null"})
    void anOriginNotAllowedGetsNoCorsHeadersAndItsPreflightStillNeverReachesTheApi(String origin) throws Exception {
        HttpResponse<String> preflight = devMode.send("OPTIONS", "/api/tasks", preflight(origin, "POST"), null);
        HttpResponse<String> get = devMode.send("GET", "/api/tasks",
                Map.of("Origin", origin, "Authorization", "Bearer " + devMode.alice), null);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void allowsOnlyTheListedOriginsOutsideDevMode(@TempDir Path dir) throws Exception {
        try (JwksServer betterAuth = JwksServer.start().publish(SigningKey.of("EdDSA").publicJwk());
             RunningDemo demo = RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir),
                     "BETTER_AUTH_URL", betterAuth.baseUrl().toString(),
                     "CORS_ALLOWED_ORIGINS", "https://app.example.com, https://admin.example.com:8443"))) {

            assertThat(demo.send("OPTIONS", "/api/tasks", preflight("https://app.example.com", "POST"), null)
                    .headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
            assertThat(demo.send("OPTIONS", "/api/tasks", preflight("https://admin.example.com:8443", "PUT"), null)
                    .headers().firstValue("Access-Control-Allow-Origin")).contains("https://admin.example.com:8443");
            assertThat(demo.send("OPTIONS", "/api/tasks", preflight("https://admin.example.com", "PUT"), null)
                    .headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(demo.send("OPTIONS", "/api/tasks", preflight(FRONT_END, "POST"), null)
                    .headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void corsIsOffOutsideDevModeWhenUnsetAndAPreflightShapedRequestIsRefusedWith401(@TempDir Path dir)
            throws Exception {
        try (JwksServer betterAuth = JwksServer.start().publish(SigningKey.of("EdDSA").publicJwk());
             RunningDemo demo = RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir),
                     "BETTER_AUTH_URL", betterAuth.baseUrl().toString()))) {
            HttpResponse<String> response = demo.send("OPTIONS", "/api/tasks", preflight(FRONT_END, "POST"), null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://app.example.com/", "app.example.com", "https://app.example.com/path",
            "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com:99999"})
    void refusesACorsAllowedOriginsEntryThatIsNotAnOriginWithAMessageNamingTheVariable(String entry) {
        assertThatThrownBy(() -> DemoConfig.fromEnvironment(Map.of("CORS_ALLOWED_ORIGINS", entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("CORS_ALLOWED_ORIGINS: ");
    }
}

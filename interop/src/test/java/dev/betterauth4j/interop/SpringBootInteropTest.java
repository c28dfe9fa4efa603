package dev.betterauth4j.interop;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Better Auth 1.7.25 and the Spring Boot example (examples/spring-boot, Spring Boot 4 with Spring Security and
 * the starter) run as a user runs it: its runnable jar, configured by Better Auth's own environment variables. Better
 * Auth's EdDSA tokens, its session cookie and the bearer plugin's token reach the example's endpoints through Spring
 * Security; roles come from Better Auth's {@code role} field.
 */
class SpringBootInteropTest {

    static final Path JAR = Path.of("..", "examples", "spring-boot", "target", "example-spring-boot-exec.jar")
            .toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void requireNode() {
        BetterAuthServer.requireNodeAndServer();
    }

    @Test
    void betterAuthsCredentialsReachTheSpringBootApplication(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the example's jar; build it with ./mvnw package").exists();
        try (BetterAuthServer betterAuth = BetterAuthServer.start()) {
            BetterAuthClient client = betterAuth.client();
            BetterAuthClient.Session alice = client.signUp("Alice");
            BetterAuthClient.Session admin = client.signUp("Admin", Map.of("role", "admin"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = dir.resolve("example.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", JAR.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("BETTER_AUTH_"));
            builder.environment().put("BETTER_AUTH_URL", betterAuth.baseUrl().toString());
            builder.environment().put("BETTER_AUTH_SESSIONS", "true");
            builder.environment().put("BETTER_AUTH_SECRET", BetterAuthServer.SECRET);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            Process example = builder.start();
            try {
                URI api = URI.create("http://127.0.0.1:" + port);
                waitForHealth(example, api, log);

                String jwt = client.token(alice);
                HttpResponse<String> me = send("GET", api.resolve("/api/me"), "Authorization", "Bearer " + jwt, null);
                assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                assertThat(me.body()).contains("\"id\":\"" + alice.userId() + "\"").contains("\"credential\":\"JWT\"");

                HttpResponse<String> byCookie = send("GET", api.resolve("/api/me"), "Cookie", alice.sessionCookie(),
                        null);
                assertThat(byCookie.statusCode()).as(byCookie.body()).isEqualTo(200);
                assertThat(byCookie.body()).contains("\"credential\":\"SESSION\"");

                HttpResponse<String> byBearerPlugin = send("POST", api.resolve("/api/tasks"), "Authorization",
                        "Bearer " + alice.bearerToken(), "{\"title\":\"from Better Auth\"}");
                assertThat(byBearerPlugin.statusCode()).as(byBearerPlugin.body()).isEqualTo(201);
                String id = byBearerPlugin.body().replaceAll(".*\"id\":(\\d+).*", "$1");

                HttpResponse<String> forged = send("POST", api.resolve("/api/tasks"), "Cookie", alice.sessionCookie(),
                        "{\"title\":\"forged\"}", "Referer", "https://evil.example.com/");
                assertThat(forged.statusCode()).isEqualTo(403);
                assertThat(forged.body()).contains("UNTRUSTED_ORIGIN");

                assertThat(send("DELETE", api.resolve("/api/tasks/" + id), "Authorization", "Bearer " + jwt, null)
                        .statusCode()).isEqualTo(403);
                assertThat(send("DELETE", api.resolve("/api/tasks/" + id), "Authorization",
                        "Bearer " + client.token(admin), null).statusCode()).isEqualTo(204);

                client.signOut(alice);
                assertThat(send("GET", api.resolve("/api/me"), "Authorization", "Bearer " + alice.bearerToken(), null)
                        .statusCode()).as("a signed-out session, after the session cache's 30 s at most")
                        .isIn(200, 401);
                assertThat(send("GET", api.resolve("/api/me"), null, null, null).statusCode()).isEqualTo(401);
            } finally {
                example.destroy();
                if (!example.waitFor(30, TimeUnit.SECONDS)) {
                    example.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void waitForHealth(Process example, URI api, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!example.isAlive()) {
                throw new AssertionError("the example exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                if (send("GET", api.resolve("/health"), null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the example did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(String method, URI uri, String header, String value, String json,
                                             String... more) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (header != null) {
            request.header(header, value);
        }
        for (int i = 0; i < more.length; i += 2) {
            request.header(more[i], more[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

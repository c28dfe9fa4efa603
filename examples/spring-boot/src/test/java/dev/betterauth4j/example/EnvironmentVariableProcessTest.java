package dev.betterauth4j.example;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example started as a user starts it: a separate JVM whose process environment has {@code BETTER_AUTH_URL} (and
 * no {@code better.auth.*} property anywhere), as a Better Auth deployment's environment has it.
 */
class EnvironmentVariableProcessTest {

    @Test
    void theApplicationReadsBetterAuthUrlFromItsEnvironment() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        Path log = Files.createTempFile("example-spring-boot", ".log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (JwksServer betterAuth = JwksServer.serving(key)) {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TasksApplication.class.getName()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("BETTER_AUTH_URL", betterAuth.baseUrl().toString());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            Process application = builder.start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI me = URI.create("http://127.0.0.1:" + port + "/api/me");
                HttpResponse<String> answer = null;
                Instant deadline = Instant.now().plusSeconds(60);
                while (answer == null && Instant.now().isBefore(deadline) && application.isAlive()) {
                    try {
                        answer = client.send(HttpRequest.newBuilder(me).timeout(Duration.ofSeconds(5))
                                .header("Authorization", "Bearer " + betterAuth.token(key).subject("frank").sign())
                                .build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException notYet) {
                        Thread.sleep(200);
                    }
                }

                assertThat(answer).as("an answer; the application's output: %s", Files.readString(log)).isNotNull();
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"id\":\"frank\"");
            } finally {
                application.destroy();
                if (!application.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    application.destroyForcibly();
                }
                Files.deleteIfExists(log);
            }
        }
    }
}

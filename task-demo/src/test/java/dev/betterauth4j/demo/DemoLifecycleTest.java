package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Start-up modes, restarts and shutdown. */
class DemoLifecycleTest {

    @Test
    void tasksSurviveARestart(@TempDir Path dir) throws Exception {
        long id;
        try (RunningDemo first = RunningDemo.devMode(dir)) {
            id = first.create(first.alice, "remember me");
        }
        try (RunningDemo second = RunningDemo.devMode(dir)) {
            JsonNode task = RunningDemo.body(second.get("/api/tasks/" + id, second.alice));

            assertThat(task.get("title").asText()).isEqualTo("remember me");
            assertThat(second.get("/api/tasks/" + id, second.bob).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void createsTheSchemaIdempotently(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RunningDemo demo = RunningDemo.devMode(dir)) {
                demo.create(demo.alice, "run " + i);
            }
        }
        try (RunningDemo demo = RunningDemo.devMode(dir)) {
            assertThat(RunningDemo.body(demo.get("/api/tasks", demo.alice)).findValuesAsText("title"))
                    .containsExactly("run 0", "run 1", "run 2");
        }
    }

    @Test
    void devModePublishesItsKeyLikeBetterAuthAndPrintsTokensForAliceAndBob(@TempDir Path dir) throws Exception {
        try (RunningDemo demo = RunningDemo.devMode(dir)) {
            HttpResponse<String> jwks = demo.get("/api/auth/jwks", null);
            JsonNode key = RunningDemo.body(jwks).get("keys").get(0);

            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(key.get("kty").asText()).isEqualTo("OKP");
            assertThat(key.get("crv").asText()).isEqualTo("Ed25519");
            assertThat(key.get("alg").asText()).isEqualTo("EdDSA");
            assertThat(key.get("kid").asText()).hasSize(32);
            assertThat(key.has("d")).isFalse();
            assertThat(demo.console).contains("DEV MODE - NOT FOR PRODUCTION").contains("export ALICE='ey")
                    .contains("export BOB='ey").contains("curl -s");
        }
    }

    @Test
    void thePrintedCurlCommandsShowScopingEndToEnd(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("sed"), "bash, curl and sed are needed to run the banner");
        try (RunningDemo demo = RunningDemo.devMode(dir)) {
            List<String> commands = demo.console.lines()
                    .filter(line -> line.startsWith("export ") || line.startsWith("TASK=") || line.startsWith("curl "))
                    .toList();
            Path script = dir.resolve("banner.sh");
            Files.writeString(script, String.join("\n", commands) + "\n");

            Process bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(output).contains("alice created task 1").contains("\"title\":\"Buy milk\"")
                    .contains("\"status\":403").contains("[]").contains("HTTP/1.1 401");
        }
    }

    @Test
    void neverStartsInDevModeWhenAnyBetterAuthSettingIsPresent(@TempDir Path dir) {
        assertThatThrownBy(() -> RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir), "BETTER_AUTH_SECRET", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_URL");
        assertThatThrownBy(() -> RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir),
                "BETTER_AUTH_TRUSTED_ORIGINS", "https://x.example"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesARealKeySetWhenBetterAuthUrlIsSet(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        try (JwksServer betterAuth = JwksServer.start().publish(key.publicJwk());
             RunningDemo demo = RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir),
                     "BETTER_AUTH_URL", betterAuth.baseUrl().toString()))) {
            String token = TestToken.betterAuth(key, betterAuth.issuer(), Instant.now()).signWith(key);

            assertThat(demo.console).doesNotContain("DEV MODE");
            assertThat(demo.get("/api/auth/jwks", null).statusCode()).isEqualTo(401);
            assertThat(RunningDemo.body(demo.get("/api/me", token)).get("id").asText()).isEqualTo(TestToken.USER_ID);
            assertThat(demo.create(token, "real")).isPositive();
        }
    }

    /** The verifier is built after the port is opened and the database too: a failure there must release both. */
    @Test
    void aStartThatFailsHoldsNeitherItsPortNorItsDatabase(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port),
                "DATABASE_URL", RunningDemo.h2(dir));
        Map<String, String> invalid = new HashMap<>(env);
        invalid.put("BETTER_AUTH_SECRET", "");

        assertThatThrownBy(() -> RunningDemo.start(invalid)).isInstanceOf(IllegalArgumentException.class);
        try (RunningDemo demo = RunningDemo.start(env)) {
            assertThat(demo.demo.port()).isEqualTo(port);
            assertThat(demo.get("/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesAnInvalidPortOrDatabaseUrlWithAClearMessage() {
        assertThatThrownBy(() -> DemoConfig.fromEnvironment(Map.of("PORT", "http"))).hasMessageStartingWith("PORT");
        assertThatThrownBy(() -> RunningDemo.start(Map.of("DATABASE_URL", "mysql://x"))).hasMessageStartingWith(
                "DATABASE_URL");
    }

    @Test
    void convertsAPostgresUrlWithoutLeakingItsPassword() {
        DemoConfig config = DemoConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://app:s3cret@db.internal:5432/tasks"));

        assertThat(config.toString()).contains("postgres://db.internal:5432/tasks").doesNotContain("s3cret");
    }

    @Test
    void shutdownLetsARequestInFlightFinishThenClosesTheDatabase(@TempDir Path dir) throws Exception {
        RunningDemo demo = RunningDemo.devMode(dir);
        String body = "{\"title\":\"finished during shutdown\"}";
        CompletableFuture<Void> stopped;
        String response;
        try (Socket socket = new Socket("127.0.0.1", demo.demo.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + demo.alice
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body.substring(0, 5)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300);
            stopped = CompletableFuture.runAsync(demo::close);
            Thread.sleep(500);
            assertThat(stopped).isNotDone();
            out.write(body.substring(5).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        stopped.get(TaskDemo.STOP_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS);

        assertThat(response).startsWith("HTTP/1.1 201");
        try (RunningDemo again = RunningDemo.devMode(dir)) {
            assertThat(RunningDemo.body(again.get("/api/tasks", again.alice)).findValuesAsText("title"))
                    .containsExactly("finished during shutdown");
        }
    }

    @Test
    void aSecondDemoOnTheSameDatabaseStopsWithAClearMessage(@TempDir Path dir) throws Exception {
        try (RunningDemo first = RunningDemo.devMode(dir)) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TaskDemo.class.getName()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("BETTER_AUTH_") || name.equals("HOST")
                    || name.startsWith("CORS_"));
            builder.environment().put("PORT", "0");
            builder.environment().put("DATABASE_URL", RunningDemo.h2(dir));
            Process second = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
            boolean exited = second.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                second.destroyForcibly();
            }

            assertThat(exited).as("the second demo exits").isTrue();
            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(output.get(10, TimeUnit.SECONDS))
                    .contains("task-demo: the database " + dir.resolve("tasks").toAbsolutePath()
                            + " is in use by another process")
                    .doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(first.get("/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthReports503WhenTheDatabaseIsGone(@TempDir Path dir) throws Exception {
        try (RunningDemo demo = RunningDemo.devMode(dir)) {
            demo.demo.closeDatabaseForTest();
            HttpResponse<String> health = demo.get("/health", null);

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(demo.get("/api/tasks", demo.alice).statusCode()).isEqualTo(503);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

package dev.betterauth4j.interop;

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
 * The task demo's runnable jar ({@code task-demo/target/task-demo.jar}) as a process, configured by environment
 * variables as a user would run it, on a free loopback port with an H2 database in {@code dir}; stopped with SIGTERM.
 */
final class DemoProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "task-demo", "target", "task-demo.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI api;
    private final Path log;

    private DemoProcess(Process process, URI api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** Starts the demo with these {@code BETTER_AUTH_*} (and other) variables and waits until it is healthy. */
    static DemoProcess start(Path dir, Map<String, String> env) throws Exception {
        assertThat(JAR).as("the demo jar; build it with ./mvnw package").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("demo.log");
        ProcessBuilder configured = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        configured.environment().keySet().removeIf(name -> name.startsWith("BETTER_AUTH_"));
        configured.environment().put("PORT", Integer.toString(port));
        configured.environment().put("HOST", "127.0.0.1");
        configured.environment().put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("tasks"));
        configured.environment().putAll(env);
        DemoProcess demo = new DemoProcess(configured.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            demo.waitForHealth();
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    URI uri(String path) {
        return api.resolve(path);
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void waitForHealth() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("task-demo exited: " + log());
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task-demo did not become healthy: " + log());
    }

    /** Stops the demo with SIGTERM and returns its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}

package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A task demo started in this JVM on a free loopback port with an H2 database in a temp directory. */
final class RunningDemo implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final TaskDemo demo;
    final String console;
    final String alice;
    final String bob;

    private RunningDemo(TaskDemo demo, String console) {
        this.demo = demo;
        this.console = console;
        this.alice = demo.devTokens() == null ? null : demo.devTokens().issue(DevTokenIssuer.ALICE);
        this.bob = demo.devTokens() == null ? null : demo.devTokens().issue(DevTokenIssuer.BOB);
    }

    /** Dev mode on the H2 database in {@code dir}. */
    static RunningDemo devMode(Path dir) throws Exception {
        return start(Map.of("PORT", "0", "DATABASE_URL", h2(dir)));
    }

    static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("tasks").toAbsolutePath();
    }

    static RunningDemo start(Map<String, String> env) throws Exception {
        return start(env, Clock.systemUTC());
    }

    /** With {@code clock} for the verifier and dev mode's token issuer alike. */
    static RunningDemo start(Map<String, String> env, Clock clock) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.putIfAbsent("PORT", "0");
        TaskDemo demo = TaskDemo.start(DemoConfig.fromEnvironment(withPort), clock,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new RunningDemo(demo, out.toString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create(demo.baseUrl() + path);
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with exactly these headers (an {@code Origin}, a preflight's {@code Access-Control-Request-*}). */
    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, null);
    }

    HttpResponse<String> json(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return send(method, path, token, "application/json", body);
    }

    /** Creates a task as {@code token}'s user and returns its id. */
    long create(String token, String title) throws Exception {
        HttpResponse<String> response = json("POST", "/api/tasks", token, "{\"title\":\"" + title + "\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return body(response).get("id").asLong();
    }

    static JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        demo.close();
    }
}

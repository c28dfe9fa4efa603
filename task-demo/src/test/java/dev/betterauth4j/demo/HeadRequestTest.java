package dev.betterauth4j.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code HEAD} wherever {@code GET} is allowed: the same status and headers, no body. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestTest {

    /** Headers that differ between any two answers. */
    private static final List<String> PER_ANSWER = List.of("date");

    RunningDemo demo;
    long task;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        demo = RunningDemo.devMode(dir);
        task = demo.create(demo.alice, "head me");
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/tasks", "/api/tasks?completed=false&limit=5", "/api/tasks/{id}",
            "/api/alice/tasks", "/api/alice/tasks/{id}", "/health", "/api/auth/jwks"})
    void answersHeadWithTheStatusAndHeadersOfGetAndNoBody(String template) throws Exception {
        String path = template.replace("{id}", Long.toString(task));
        HttpResponse<String> get = demo.get(path, demo.alice);

        RawAnswer head = RawAnswer.of(demo, "HEAD", path, demo.alice);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers()).isEqualTo(comparable(get));
        assertThat(head.headers().get("content-length")).isEqualTo(Integer.toString(get.body().length()));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void answersHeadForAnotherUsersTaskWith403AndNoBody() throws Exception {
        RawAnswer head = RawAnswer.of(demo, "HEAD", "/api/tasks/" + task, demo.bob);

        assertThat(head.status()).isEqualTo(403);
        assertThat(head.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void refusesHeadWhereGetIsNotAllowedWith405() throws Exception {
        RawAnswer head = RawAnswer.of(demo, "HEAD", "/api/alice/tasks/" + task + "/complete", demo.alice);

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.headers()).containsEntry("allow", "PATCH");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void refusesHeadWithoutATokenWith401() throws Exception {
        RawAnswer head = RawAnswer.of(demo, "HEAD", "/api/tasks", null);

        assertThat(head.status()).isEqualTo(401);
        assertThat(head.headers()).containsKey("www-authenticate");
        assertThat(head.body()).isEmpty();
    }

    private static Map<String, String> comparable(HttpResponse<String> response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!PER_ANSWER.contains(key)) {
                headers.put(key, String.join(",", values));
            }
        });
        return headers;
    }

    /** An answer read off the socket byte for byte, so a body that should not be there would show. */
    record RawAnswer(int status, Map<String, String> headers, String body) {

        static RawAnswer of(RunningDemo demo, String method, String path, String token) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", demo.demo.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + demo.demo.port()
                        + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int end = answer.indexOf("\r\n\r\n");
                String[] lines = answer.substring(0, end).split("\r\n");
                Map<String, String> headers = new TreeMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    if (!PER_ANSWER.contains(name) && !name.equals("connection")) {
                        headers.merge(name, lines[i].substring(colon + 1).trim(), (a, b) -> a + "," + b);
                    }
                }
                return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
            }
        }
    }
}

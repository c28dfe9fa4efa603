package dev.betterauth4j.example;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example on Tomcat, its Better Auth replaced by the test kit's key set: each user sees only their own tasks, only
 * an admin deletes, and requests without a token are refused with the library's 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasksApplicationTest {

    static final SigningKey KEY = SigningKey.of("EdDSA");
    static final JwksServer BETTER_AUTH = JwksServer.serving(KEY);

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BETTER_AUTH.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        BETTER_AUTH.close();
    }

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> send(String method, String path, String user, String role, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + BETTER_AUTH.token(KEY).subject(user).claim("role", role)
                    .sign());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachUserSeesOnlyTheirOwnTasks() throws Exception {
        assertThat(send("POST", "/api/tasks", "alice", "user", "{\"title\":\"Write the report\"}").statusCode())
                .isEqualTo(201);

        assertThat(send("GET", "/api/tasks", "alice", "user", null).body()).contains("Write the report");
        assertThat(send("GET", "/api/tasks", "bob", "user", null).body()).isEqualTo("[]");
    }

    @Test
    void onlyAnAdminDeletes() throws Exception {
        String created = send("POST", "/api/tasks", "carol", "user", "{\"title\":\"Old task\"}").body();
        String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");

        assertThat(send("DELETE", "/api/tasks/" + id, "carol", "user", null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/tasks/" + id, "dave", "admin", null).statusCode()).isEqualTo(204);
    }

    @Test
    void withoutATokenOnlyHealthAnswers() throws Exception {
        HttpResponse<String> refused = send("GET", "/api/tasks", null, null, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
        assertThat(send("GET", "/health", null, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theCallerIsTheAuthenticationPrincipal() throws Exception {
        assertThat(send("GET", "/api/me", "erin", "user", null).body()).contains("\"id\":\"erin\"")
                .contains("\"credential\":\"JWT\"");
    }
}

package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with {@code BETTER_AUTH_URL} and {@code BETTER_AUTH_RESOURCE}: an OAuth resource server whose access tokens
 * need {@code tasks:read} to read and {@code tasks:write} to change, which publishes its protected-resource metadata,
 * still scopes every task to the token's user, and refuses a token that names no user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthResourceServerTest {

    static final SigningKey KEY = SigningKey.of("EdDSA");
    static final String RESOURCE = "https://tasks.example.com";

    JwksServer authServer;
    RunningDemo demo;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        authServer = JwksServer.start().publish(KEY.publicJwk());
        demo = RunningDemo.start(Map.of("DATABASE_URL", RunningDemo.h2(dir),
                "BETTER_AUTH_URL", authServer.baseUrl().toString(), "BETTER_AUTH_RESOURCE", RESOURCE));
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
        authServer.close();
    }

    String userToken(String user, String scope) {
        return TestToken.accessToken(KEY, authServer.issuer() + "/api/auth", RESOURCE, Instant.now())
                .forUser(user, "session-of-" + user).claim("scope", scope).signWith(KEY);
    }

    @Test
    void aUserWithBothScopesReadsAndWritesTheirOwnTasks() throws Exception {
        String alice = userToken("oauth-alice", "tasks:read tasks:write");
        long id = demo.create(alice, "from an access token");

        assertThat(demo.get("/api/tasks/" + id, alice).statusCode()).isEqualTo(200);
        assertThat(demo.get("/api/tasks/" + id, userToken("oauth-bob", "tasks:read tasks:write")).statusCode())
                .as("another user's task").isEqualTo(403);
    }

    @Test
    void readingNeedsTasksRead() throws Exception {
        HttpResponse<String> response = demo.get("/api/tasks", userToken("oauth-carol", "tasks:write"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\"").contains("scope=\"tasks:read\""));
    }

    @Test
    void writingNeedsTasksWrite() throws Exception {
        HttpResponse<String> response = demo.json("POST", "/api/tasks", userToken("oauth-carol", "tasks:read"),
                "{\"title\":\"no\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(RunningDemo.body(response).get("scope").asText()).isEqualTo("tasks:write");
    }

    @Test
    void aClientCredentialsTokenMayNotTouchTasks() throws Exception {
        String client = TestToken.accessToken(KEY, authServer.issuer() + "/api/auth", RESOURCE, Instant.now())
                .signWith(KEY);

        HttpResponse<String> response = demo.get("/api/tasks", client);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(RunningDemo.body(response).get("detail").asText()).contains("client_credentials")
                .contains("names no user");
    }

    @Test
    void meShowsTheClientAndTheScopes() throws Exception {
        JsonNode me = RunningDemo.body(demo.get("/api/me", userToken("oauth-dave", "tasks:read")));

        assertThat(me.get("id").asText()).isEqualTo("oauth-dave");
        assertThat(me.get("credential").asText()).isEqualTo("ACCESS_TOKEN");
        assertThat(me.get("clientId").asText()).isEqualTo(TestToken.CLIENT_ID);
        assertThat(me.get("scopes").toString()).isEqualTo("[\"tasks:read\"]");
    }

    @Test
    void publishesTheProtectedResourceMetadata() throws Exception {
        HttpResponse<String> response = demo.get("/.well-known/oauth-protected-resource", null);
        JsonNode metadata = RunningDemo.body(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(metadata.get("resource").asText()).isEqualTo(RESOURCE);
        assertThat(metadata.get("authorization_servers").get(0).asText()).isEqualTo(authServer.issuer() + "/api/auth");
        assertThat(metadata.get("scopes_supported").toString()).isEqualTo("[\"tasks:read\",\"tasks:write\"]");
    }

    @Test
    void aDpopBoundTokenWorksWithItsProof() throws Exception {
        SigningKey client = SigningKey.of("ES256", "demo-dpop-client");
        String token = TestToken.accessToken(KEY, authServer.issuer() + "/api/auth", RESOURCE, Instant.now())
                .forUser("oauth-erin", "session-erin").claim("scope", "tasks:read")
                .claim("cnf", Map.of("jkt", DpopProof.thumbprint(client))).signWith(KEY);
        String proof = DpopProof.of(client, "GET", demo.uri("/api/tasks").toString(), token, Instant.now()).sign();

        HttpResponse<String> response = demo.send("GET", "/api/tasks", Map.of("Authorization", "DPoP " + token,
                "DPoP", proof), null);

        assertThat(response.statusCode()).isEqualTo(200);
    }
}

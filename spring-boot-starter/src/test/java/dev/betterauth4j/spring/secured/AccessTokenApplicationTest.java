package dev.betterauth4j.spring.secured;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth access tokens of Better Auth's OAuth provider ({@code better.auth.resource}) through the starter's chain: their
 * scopes are {@code SCOPE_} authorities for {@code @PreAuthorize}, the filter's scope rules
 * ({@code better.auth.required-scopes}) apply too, DPoP-bound tokens need a proof of the very request, and the
 * protected-resource metadata is served.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better.auth.resource=" + AccessTokenApplicationTest.RESOURCE,
                "better.auth.required-scopes=POST /api/tasks tasks:write; GET /api/scoped-report reports:read"})
class AccessTokenApplicationTest {

    static final String RESOURCE = "https://api.example.com";

    /** The OAuth client's DPoP key. */
    static final SigningKey CLIENT = SigningKey.of("ES256", "dpop-client");

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BetterAuthStandIn.keys().baseUrl().toString());
    }

    @Value("${local.server.port}")
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static String boundToken(String scope) {
        return TestToken.accessToken(BetterAuthStandIn.KEY, BetterAuthStandIn.keys().issuer() + "/api/auth",
                RESOURCE, Instant.now()).forUser("alice", "session-1").claim("scope", scope)
                .claim("cnf", Map.of("jkt", DpopProof.thumbprint(CLIENT))).sign();
    }

    private String proof(String method, String path, String token) {
        return DpopProof.of(CLIENT, method, "http://127.0.0.1:" + port + path, token, Instant.now()).sign();
    }

    private static String accessToken(String scope) {
        return TestToken.accessToken(BetterAuthStandIn.KEY, BetterAuthStandIn.keys().issuer() + "/api/auth",
                RESOURCE, Instant.now()).forUser("alice", "session-1").claim("scope", scope).sign();
    }

    @Test
    void aScopeOfTheTokenPassesPreAuthorize() {
        HttpResponse<String> answer = http.getWith("/api/tasks", accessToken("tasks:read"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(http.getWith("/api/me", accessToken("tasks:read")).body())
                .contains("\"credential\":\"ACCESS_TOKEN\"");
    }

    @Test
    void aTokenWithoutTheScopeIsA403() {
        HttpResponse<String> answer = http.getWith("/api/tasks", accessToken("profile"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("\"reason\":\"INSUFFICIENT_SCOPE\"");
    }

    @Test
    void theFiltersScopeRulesApplyInTheChain() {
        HttpResponse<String> refused = http.send("POST", "/api/tasks", "Authorization",
                "Bearer " + accessToken("tasks:read"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\"").contains("scope=\"tasks:write\""));
        assertThat(http.send("POST", "/api/tasks", "Authorization", "Bearer " + accessToken("tasks:write"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aForwardIsHeldToTheScopeRulesOfItsTarget() {
        HttpResponse<String> refused = http.getWith("/api/forwarded-report", accessToken("tasks:read"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\"").contains("scope=\"reports:read\""));
        assertThat(refused.body()).doesNotContain("scoped report");
        assertThat(http.getWith("/api/forwarded-report", accessToken("reports:read")).body())
                .isEqualTo("scoped report");
    }

    @Test
    void aDpopBoundTokenWithAFreshProofOfThisRequestPasses() {
        String token = boundToken("tasks:read");

        HttpResponse<String> answer = http.get("/api/tasks", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/api/tasks", token));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("tasks");
    }

    @Test
    void aReplayedDpopProofIsA401InvalidDpopProofInTheDpopChallenge() {
        String token = boundToken("tasks:read");
        String proof = proof("GET", "/api/me", token);
        http.get("/api/me", "Authorization", "DPoP " + token, "DPoP", proof);

        HttpResponse<String> replay = http.get("/api/me", "Authorization", "DPoP " + token, "DPoP", proof);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("DPoP realm=\"api\", error=\"invalid_dpop_proof\""));
        assertThat(replay.body()).contains("\"reason\":\"INVALID_DPOP_PROOF\"");
    }

    @Test
    void aDpopProofOfAnotherUrlIsA401() {
        String token = boundToken("tasks:read");

        HttpResponse<String> answer = http.get("/api/me", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/api/other", token));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"reason\":\"INVALID_DPOP_PROOF\"");
    }

    @Test
    void theProtectedResourceMetadataIsServed() {
        HttpResponse<String> answer = http.get("/.well-known/oauth-protected-resource");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"resource\":\"" + RESOURCE + "\"");
    }
}

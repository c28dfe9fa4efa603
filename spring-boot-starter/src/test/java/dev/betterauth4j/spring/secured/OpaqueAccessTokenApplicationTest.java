package dev.betterauth4j.spring.secured;

import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.IntrospectionServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opaque OAuth access tokens of Better Auth's OAuth provider, introspected (RFC 7662) with the client of the
 * {@code better.auth.introspection-*} properties, through the starter's chain: an active token's scopes are
 * {@code SCOPE_} authorities, a revoked one is a 401.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better.auth.resource=" + OpaqueAccessTokenApplicationTest.RESOURCE,
                "better.auth.introspection-client-id=" + IntrospectionServer.CLIENT_ID,
                "better.auth.introspection-client-secret=" + IntrospectionServer.CLIENT_SECRET,
                "better.auth.introspection-auth-method=client_secret_post"})
class OpaqueAccessTokenApplicationTest {

    static final String RESOURCE = "https://api.example.com";
    static final IntrospectionServer PROVIDER = IntrospectionServer.start();

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> PROVIDER.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Value("${local.server.port}")
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anActiveOpaqueTokenWithTheScopePassesPreAuthorize() {
        String token = PROVIDER.issue(PROVIDER.clientClaims(RESOURCE, "tasks:read"));

        HttpResponse<String> answer = http.getWith("/api/tasks", token);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("tasks");
    }

    @Test
    void anActiveOpaqueTokenWithoutTheScopeIsA403() {
        String token = PROVIDER.issue(PROVIDER.clientClaims(RESOURCE, "profile"));

        HttpResponse<String> answer = http.getWith("/api/tasks", token);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("\"reason\":\"INSUFFICIENT_SCOPE\"");
    }

    @Test
    void aRevokedOpaqueTokenIsA401() {
        String token = PROVIDER.issue(PROVIDER.clientClaims(RESOURCE, "tasks:read"));
        PROVIDER.revoke(token);

        HttpResponse<String> answer = http.getWith("/api/tasks", token);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"error\":\"invalid_token\"");
    }
}

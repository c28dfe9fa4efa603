package dev.betterauth4j.spring.secured;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.spring.security.BetterAuthAuthenticationManagerResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application on Tomcat with Spring Security, the starter and {@code better.auth.url}, and no security
 * configuration of its own: the starter's chain verifies Better Auth tokens and answers as the library does.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "better.auth.public-paths=/public/*")
class SecuredApplicationTest {

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BetterAuthStandIn.keys().baseUrl().toString());
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aValidTokenReachesTheEndpointAsItsUser() {
        HttpResponse<String> answer = http.getWith("/api/me", BetterAuthStandIn.token().sign());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\":\"" + dev.betterauth4j.testkit.TestToken.USER_ID + "\"")
                .contains("\"credential\":\"JWT\"");
    }

    @Test
    void theStarterProvidesTheOnlyChainAndNoInMemoryUser() {
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("betterAuthSecurityFilterChain");
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
        assertThat(context.getBeansOfType(BetterAuthAuthenticationManagerResolver.class)).hasSize(1);
    }

    @Test
    void verifiesEdDsaWithTheBouncyCastleEngineTheStarterBrings() {
        assertThat(context.getBean(BetterAuthVerifier.class)).asString().contains("ed25519=bouncycastle");
    }

    @Nested
    class Refusals {

        @Test
        void noTokenIsA401WithABareBearerChallengeAndAProblemBody() {
            HttpResponse<String> answer = http.get("/api/me");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"api\"");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(answer.body()).contains("\"status\":401").contains("\"reason\":\"MISSING\"");
        }

        @Test
        void anExpiredTokenIsA401InvalidToken() {
            HttpResponse<String> answer = http.getWith("/api/me", BetterAuthStandIn.token().expired().sign());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer realm=\"api\", error=\"invalid_token\", error_description="));
            assertThat(answer.body()).contains("\"error\":\"invalid_token\"").contains("\"reason\":\"EXPIRED\"");
        }

        @Test
        void aTokenOfAnotherKeyIsA401() {
            HttpResponse<String> answer = http.getWith("/api/me", BetterAuthStandIn.token().signWithUnpublishedKey());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("\"error\":\"invalid_token\"");
        }

        @Test
        void twoAuthorizationHeadersAreA400InvalidRequest() {
            String token = BetterAuthStandIn.token().sign();
            HttpResponse<String> answer = http.get("/api/me", "Authorization", "Bearer " + token,
                    "Authorization", "Bearer " + token);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"error\":\"invalid_request\"");
        }

        @Test
        void basicAuthenticationIsNotOffered() {
            HttpResponse<String> answer = http.get("/api/me", "Authorization", "Basic dXNlcjpwYXNzd29yZA==");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().allValues("WWW-Authenticate")).noneMatch(value -> value.startsWith("Basic"));
        }
    }

    @Nested
    class RolesAndAuthorization {

        @Test
        void anAdminPassesHasRole() {
            HttpResponse<String> answer = http.getWith("/api/admin-report",
                    BetterAuthStandIn.token().claim("role", "user,admin").sign());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("report");
        }

        @Test
        void rolesMayBeAnArray() {
            HttpResponse<String> answer = http.getWith("/api/admin-report",
                    BetterAuthStandIn.token().claim("role", java.util.List.of("admin")).sign());

            assertThat(answer.statusCode()).isEqualTo(200);
        }

        @Test
        void aUserWithoutTheRoleIsA403InsufficientScope() {
            HttpResponse<String> answer = http.getWith("/api/admin-report",
                    BetterAuthStandIn.token().claim("role", "user").sign());

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).contains("error=\"insufficient_scope\""));
            assertThat(answer.body()).contains("\"status\":403").contains("\"reason\":\"INSUFFICIENT_SCOPE\"");
        }

        @Test
        void aJwtHasNoScopesSoAScopeRuleRefusesIt() {
            HttpResponse<String> answer = http.getWith("/api/tasks", BetterAuthStandIn.token().sign());

            assertThat(answer.statusCode()).isEqualTo(403);
        }

        @Test
        void anUnsafeMethodWithABearerTokenNeedsNoCsrfToken() {
            HttpResponse<String> answer = http.send("POST", "/api/tasks", "Authorization",
                    "Bearer " + BetterAuthStandIn.token().sign());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("created by " + dev.betterauth4j.testkit.TestToken.USER_ID);
        }
    }

    @Nested
    class PublicPaths {

        @Test
        void aPublicPathNeedsNoToken() {
            HttpResponse<String> answer = http.get("/public/hello");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("hello");
        }

        @Test
        void aPublicPathIgnoresAnExpiredToken() {
            assertThat(http.getWith("/public/hello", BetterAuthStandIn.token().expired().sign()).statusCode())
                    .isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/public/..;/admin/x", "/public/%2e%2e/admin/x", "/public/%2E%2E/admin/x",
                "/public/..%2fadmin/x", "/public/..%2Fadmin/x", "/public/.%2e/admin/x", "/public/hello/../../admin/x",
                "/public//../admin/x", "/admin/..;/public/hello", "/admin/%2e%2e/public/hello",
                "/public/hello;/../../admin/x", "/public%2fhello", "/public/hello%00", "/public/%2e/../admin/x",
                "/public/..%5cadmin/x", "/public/..%5Cadmin/x", "/public/%252e%252e/admin/x"})
        void noPathTrickReachesAProtectedHandlerWithoutAToken(String path) {
            HttpResponse<String> answer = http.get(path);

            assertThat(answer.body()).as(path).doesNotContain("admin area");
            assertThat(answer.statusCode()).as(path).isIn(400, 401, 404);
        }
    }

    @Nested
    class Statelessness {

        @Test
        void noSessionCookieIsEverSet() {
            assertThat(http.get("/api/me").headers().allValues("Set-Cookie")).as("401").isEmpty();
            assertThat(http.getWith("/api/me", BetterAuthStandIn.token().sign()).headers().allValues("Set-Cookie"))
                    .as("200").isEmpty();
            assertThat(http.getWith("/api/admin-report", BetterAuthStandIn.token().sign()).headers()
                    .allValues("Set-Cookie")).as("403").isEmpty();
            assertThat(http.send("POST", "/api/tasks").headers().allValues("Set-Cookie")).as("POST 401").isEmpty();
            assertThat(http.get("/public/hello").headers().allValues("Set-Cookie")).as("public").isEmpty();
        }
    }

    @Nested
    class Cors {

        @Test
        void aPreflightFromTheFrontEndIsAnsweredWithoutAToken() {
            HttpResponse<String> answer = http.send("OPTIONS", "/api/me", "Origin", SecuredApplication.FRONT_END,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(SecuredApplication.FRONT_END);
        }

        @Test
        void aRefusalCarriesTheCorsHeadersSoThePageCanReadIt() {
            HttpResponse<String> answer = http.get("/api/me", "Origin", SecuredApplication.FRONT_END);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(SecuredApplication.FRONT_END);
            assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                    assertThat(exposed).contains("WWW-Authenticate").contains("Retry-After"));
        }

        @Test
        void aPreflightFromAnotherOriginIsRefused() {
            HttpResponse<String> answer = http.send("OPTIONS", "/api/me", "Origin", "https://evil.example.com",
                    "Access-Control-Request-Method", "GET");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void anAuthenticatedCallFromTheFrontEndPasses() {
            HttpResponse<String> answer = http.get("/api/me", "Origin", SecuredApplication.FRONT_END,
                    "Authorization", "Bearer " + BetterAuthStandIn.token().sign());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(SecuredApplication.FRONT_END);
        }
    }
}

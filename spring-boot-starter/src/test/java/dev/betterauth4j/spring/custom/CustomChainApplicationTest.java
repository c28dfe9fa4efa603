package dev.betterauth4j.spring.custom;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code SecurityFilterChain} with {@code http.with(BetterAuthConfigurer.betterAuth(), ...)} and
 * its own {@link BetterAuthVerifier}: the starter's chain and verifier back off, and the rules by role work.
 */
@SpringBootTest(classes = CustomChainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better.auth.public-paths=/public/*", "better.auth.cookie=" + CustomChainApplicationTest.COOKIE})
class CustomChainApplicationTest {

    /** The application's token cookie ({@code better.auth.cookie}): a credential the browser sends by itself. */
    static final String COOKIE = "app_token";

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationsChainAndVerifierWin() {
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("api");
        assertThat(context.getBeansOfType(BetterAuthVerifier.class)).containsOnlyKeys("verifier");
    }

    @Test
    void urlRulesByRoleSeeBetterAuthsRoles() {
        Http http = new Http(port);

        assertThat(http.getWith("/admin/x", BetterAuthStandIn.token().claim("role", "admin").sign()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> user = http.getWith("/admin/x", BetterAuthStandIn.token().claim("role", "user").sign());
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(user.body()).contains("\"reason\":\"INSUFFICIENT_SCOPE\"");
        assertThat(http.get("/admin/x").statusCode()).isEqualTo(401);
        assertThat(http.get("/public/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void aFirewallRejectionStaysA400ThoughTheChainAuthorizesErrorPages() {
        HttpResponse<String> answer = new Http(port).get("/public/..;/admin/x");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("admin area");
    }

    @Test
    void refusalsCreateNoSession() {
        Http http = new Http(port);

        assertThat(http.get("/api/me").headers().allValues("Set-Cookie")).isEmpty();
        assertThat(http.getWith("/api/me", BetterAuthStandIn.token().sign()).headers().allValues("Set-Cookie"))
                .isEmpty();
    }

    /**
     * The application's chain keeps Spring's CSRF protection (it does not disable it): the configurer exempts only the
     * requests whose Better Auth credential needs no CSRF token.
     */
    @Nested
    class CsrfOnTheApplicationsChain {

        Http http;

        @BeforeEach
        void client() {
            http = new Http(port);
        }

        private String cookie() {
            return COOKIE + "=" + BetterAuthStandIn.token().sign();
        }

        @Test
        void aBearerTokenNeedsNoCsrfToken() {
            HttpResponse<String> answer = http.send("POST", "/api/tasks", "Authorization",
                    "Bearer " + BetterAuthStandIn.token().sign());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("created by " + TestToken.USER_ID);
        }

        @Test
        void aCookieFromBetterAuthsOwnOriginNeedsNoCsrfToken() {
            HttpResponse<String> answer = http.send("POST", "/api/tasks", "Cookie", cookie(),
                    "Origin", BetterAuthStandIn.keys().issuer());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("created by " + TestToken.USER_ID);
        }

        @Test
        void aCookieFromAnotherSiteIsA403UntrustedOrigin() {
            HttpResponse<String> answer = http.send("POST", "/api/tasks", "Cookie", cookie(),
                    "Origin", "https://evil.example.com");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(answer.body()).contains("\"reason\":\"UNTRUSTED_ORIGIN\"");
        }

        @Test
        void aCookieWithoutAnyOriginIsA403UntrustedOrigin() {
            HttpResponse<String> answer = http.send("POST", "/api/tasks", "Cookie", cookie());

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("\"reason\":\"UNTRUSTED_ORIGIN\"");
        }

        @Test
        void aRequestWithoutBetterAuthCredentialsKeepsSpringsCsrfProtection() {
            HttpResponse<String> answer = http.send("POST", "/api/tasks");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("created by").doesNotContain("\"reason\"");
        }

        @Test
        void aCookieOnAPublicPathKeepsSpringsCsrfProtection() {
            HttpResponse<String> answer = http.send("POST", "/public/hello", "Cookie", cookie(),
                    "Origin", BetterAuthStandIn.keys().issuer());

            assertThat(answer.statusCode()).isEqualTo(403);
        }
    }
}

package dev.betterauth4j.spring.custom;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
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
        properties = "better.auth.public-paths=/public/*")
class CustomChainApplicationTest {

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
    void refusalsCreateNoSession() {
        Http http = new Http(port);

        assertThat(http.get("/api/me").headers().allValues("Set-Cookie")).isEmpty();
        assertThat(http.getWith("/api/me", BetterAuthStandIn.token().sign()).headers().allValues("Set-Cookie"))
                .isEmpty();
    }
}

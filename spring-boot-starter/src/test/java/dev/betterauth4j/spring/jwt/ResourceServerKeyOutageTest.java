package dev.betterauth4j.spring.jwt;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.spring.security.oauth2.BetterAuthJwtDecoder;
import dev.betterauth4j.testkit.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oauth2ResourceServer().jwt()} with the starter's {@link BetterAuthJwtDecoder} while Better Auth's key set is
 * down and nothing is cached: 503 with {@code Retry-After}, where a decoder of Spring's own or a wrapper that throws
 * another {@code JwtException} answers 500.
 */
@SpringBootTest(classes = ResourceServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerKeyOutageTest {

    static final JwksServer DOWN = JwksServer.serving(BetterAuthStandIn.KEY).behave(JwksServer.UNAVAILABLE);

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> DOWN.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        DOWN.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void anOutageIsA503WithRetryAfter() {
        HttpResponse<String> answer = new Http(port).getWith("/api/me", DOWN.token(BetterAuthStandIn.KEY).sign());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(answer.body()).contains("\"status\":503").contains("\"reason\":\"KEY_SOURCE_UNAVAILABLE\"");
    }
}

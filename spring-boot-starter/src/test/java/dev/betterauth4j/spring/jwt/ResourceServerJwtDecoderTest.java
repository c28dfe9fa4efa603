package dev.betterauth4j.spring.jwt;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.spring.security.oauth2.BetterAuthJwtDecoder;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oauth2ResourceServer().jwt()} with the starter's {@link BetterAuthJwtDecoder}: Better Auth's EdDSA tokens
 * verify (Spring's own decoder cannot), and a refused token is the library's 401. The outage:
 * {@link ResourceServerKeyOutageTest}.
 */
@SpringBootTest(classes = ResourceServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerJwtDecoderTest {

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BetterAuthStandIn.keys().baseUrl().toString());
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JwtDecoder decoder;

    @Test
    void theDecoderIsTheStarters() {
        assertThat(decoder).isInstanceOf(BetterAuthJwtDecoder.class);
    }

    @Test
    void anEdDsaTokenOfBetterAuthReachesTheEndpointAsAJwt() {
        HttpResponse<String> answer = new Http(port).getWith("/api/me", BetterAuthStandIn.token().sign());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(TestToken.USER_ID + " " + TestToken.EMAIL + " EdDSA");
    }

    @Test
    void anExpiredTokenIsTheLibrarys401InvalidToken() {
        HttpResponse<String> answer = new Http(port).getWith("/api/me", BetterAuthStandIn.token().expired().sign());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(answer.body()).contains("\"reason\":\"EXPIRED\"");
    }
}

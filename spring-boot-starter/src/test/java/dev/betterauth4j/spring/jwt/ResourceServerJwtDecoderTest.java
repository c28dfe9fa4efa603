package dev.betterauth4j.spring.jwt;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.spring.security.oauth2.BetterAuthJwtDecoder;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterAll;
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
 * verify (Spring's own decoder cannot), a refused token is a 401, and a key outage is a 503, not a 500.
 */
@SpringBootTest(classes = ResourceServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerJwtDecoderTest {

    static final JwksServer KEYS = JwksServer.serving(BetterAuthStandIn.KEY).behave(JwksServer.UNAVAILABLE);

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> KEYS.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        KEYS.close();
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
    void anOutageIsA503ThenTheKeysVerifyEdDsaTokensAndRefusalsAre401() {
        Http http = new Http(port);
        HttpResponse<String> outage = http.getWith("/api/me", KEYS.token(BetterAuthStandIn.KEY).sign());

        assertThat(outage.statusCode()).isEqualTo(503);
        assertThat(outage.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(outage.body()).contains("\"reason\":\"KEY_SOURCE_UNAVAILABLE\"");

        KEYS.behave(JwksServer.SERVE);
        HttpResponse<String> valid = http.getWith("/api/me", KEYS.token(BetterAuthStandIn.KEY).sign());

        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).isEqualTo(TestToken.USER_ID + " " + TestToken.EMAIL + " EdDSA");

        HttpResponse<String> expired = http.getWith("/api/me", KEYS.token(BetterAuthStandIn.KEY).expired().sign());

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(expired.body()).contains("\"reason\":\"EXPIRED\"");
    }
}

package dev.betterauth4j.spring.secured;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Better Auth's key set is down and nothing is cached: the starter's chain answers 503 with {@code Retry-After} (the
 * {@code better.auth.retry-after} property), not 401 and not 500; and the library's warning about it is in the
 * application's log (Logback), by way of Spring Boot's bridge from {@code java.util.logging}.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "better.auth.retry-after=7")
class KeyOutageApplicationTest {

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
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(answer.body()).contains("\"status\":503").contains("\"reason\":\"KEY_SOURCE_UNAVAILABLE\"");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLibrarysWarningAboutTheOutageIsALineOfTheApplicationsLog(CapturedOutput log) {
        new Http(port).getWith("/api/me", DOWN.token(BetterAuthStandIn.KEY).sign());

        // auth-core logs through System.Logger, which goes to java.util.logging, which Spring Boot bridges to SLF4J:
        // the warning is a Logback line with its level and logger, as any of the application's own. Each request
        // fetches the key set again (two fetches at once, then one per 500 ms), so each test sees the warning.
        assertThat(log.getOut()).containsPattern("WARN .*betterauth4j\\.core\\.BetterAuthVerifier +: JWKS"
                + " unavailable and no usable cached keys");
    }
}

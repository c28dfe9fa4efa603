package dev.betterauth4j.spring.secured;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testsupport.LeakScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token, cookie, signature or secret reaches the application's log or an answer, with betterauth4j and Spring
 * Security logging everything they log (TRACE): every kind of credential, accepted and refused, goes through the
 * starter's chain, and the whole console output (Logback, where Spring Boot sends the library's lines) and every answer
 * are scanned.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better.auth.sessions=true", "better.auth.cookie-cache=true",
                "better.auth.secret=" + BetterAuthStandIn.SECRET, "better.auth.cookie=app_token",
                "logging.level.dev.betterauth4j=trace", "logging.level.org.springframework.security=trace"})
@ExtendWith(OutputCaptureExtension.class)
class NoCredentialInTheLogTest {

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BetterAuthStandIn.sessions().baseUrl().toString());
        properties.add("better.auth.jwks-url", () -> BetterAuthStandIn.keys().baseUrl() + "/api/auth/jwks");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void noCredentialOfAnyKindReachesTheLogOrAnAnswerEvenAtTrace(CapturedOutput log) {
        Http http = new Http(port);
        SessionServer sessions = BetterAuthStandIn.sessions();
        String signed = sessions.signIn("user-" + System.nanoTime(), Map.of("role", "admin"), Duration.ofHours(1));
        String signedOut = sessions.signIn("user-" + System.nanoTime(), Map.of(), Duration.ofHours(1));
        sessions.signOut(signedOut);
        String cookie = "better-auth.session_token=" + SessionServer.cookieValue(signed);
        String cache = sessions.cookieCache(signed, CookieCaches.Strategy.JWE, Duration.ofMinutes(5), null, null);
        // Better Auth is the session server; its jwt plugin's keys are served by the key set stand-in.
        String jwt = BetterAuthStandIn.token().issuer(sessions.baseUrl().toString())
                .audience(sessions.baseUrl().toString()).sign();

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(http.getWith("/api/me", jwt));
        answers.add(http.getWith("/api/me", jwt.substring(0, jwt.length() - 4) + "AAAA"));
        answers.add(http.get("/api/me", "Authorization", "Bearer " + jwt, "Authorization", "Bearer " + jwt));
        answers.add(http.getWith("/api/admin-report", signed));
        answers.add(http.get("/api/me", "Cookie", cookie));
        answers.add(http.get("/api/me", "Cookie", cookie + "; better-auth.session_data=" + cache));
        answers.add(http.get("/api/me", "Cookie", "better-auth.session_token="
                + SessionServer.cookieValue(signedOut)));
        answers.add(http.get("/api/me", "Cookie", "app_token=" + jwt));
        answers.add(http.send("POST", "/api/tasks", "Cookie", cookie, "Origin", "https://evil.example.com"));
        answers.add(http.getWith("/api/tasks", jwt));

        assertThat(answers).extracting(HttpResponse::statusCode)
                .containsExactly(200, 401, 400, 200, 200, 200, 401, 200, 403, 403);
        assertThat(log.getAll()).as("Spring Security's trace lines were captured").contains("Securing GET /api/me");
        LeakScanner scanner = new LeakScanner(BetterAuthStandIn.SECRET, SessionServer.tokenOf(signed),
                SessionServer.tokenOf(signedOut));
        List<String> leaks = new ArrayList<>(scanner.leaks("log", log.getAll()));
        for (HttpResponse<String> answer : answers) {
            leaks.addAll(scanner.leaks("answer " + answer.statusCode(), answer.headers().map() + answer.body()));
        }
        assertThat(leaks).isEmpty();
    }
}

package dev.betterauth4j.spring.secured;

import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.SessionServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Better Auth's session cookie and its cookie cache through the starter's chain, with the test kit's get-session
 * stand-in: a browser's request with the cookie is its user; one that changes something from an untrusted origin is
 * refused with 403 through Spring Security's access-denied handling, and no CSRF token is needed from a trusted one
 * ({@code better.auth.trusted-origins}, Better Auth's {@code BETTER_AUTH_TRUSTED_ORIGINS}).
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"better.auth.sessions=true", "better.auth.cookie-cache=true",
                "better.auth.secret=" + BetterAuthStandIn.SECRET,
                "better.auth.trusted-origins=" + SecuredApplication.FRONT_END})
class SessionCookieApplicationTest {

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BetterAuthStandIn.sessions().baseUrl().toString());
    }

    @Value("${local.server.port}")
    int port;

    Http http;
    String signed;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        signed = BetterAuthStandIn.sessions().signIn("user-" + System.nanoTime(), Map.of("role", "admin"),
                Duration.ofHours(1));
    }

    private String cookie() {
        return "better-auth.session_token=" + SessionServer.cookieValue(signed);
    }

    @Test
    void theSessionCookieIsTheUser() {
        HttpResponse<String> answer = http.get("/api/me", "Cookie", cookie());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"credential\":\"SESSION\"");
    }

    @Test
    void theCookieCacheIsTheUserWithNoCallToBetterAuth() {
        String cache = BetterAuthStandIn.sessions().cookieCache(signed, CookieCaches.Strategy.JWE,
                Duration.ofMinutes(5), null, null);
        int calls = BetterAuthStandIn.sessions().calls();

        HttpResponse<String> answer = http.get("/api/admin-report", "Cookie", cookie()
                + "; better-auth.session_data=" + cache);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(BetterAuthStandIn.sessions().calls()).isEqualTo(calls);
    }

    @Test
    void aCookieRequestThatChangesSomethingFromAnUntrustedOriginIsA403() {
        // A form posted by another site: no Origin (so no CORS request), its Referer.
        HttpResponse<String> answer = http.send("POST", "/api/tasks", "Cookie", cookie(),
                "Referer", "https://evil.example.com/form");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(answer.body()).contains("\"reason\":\"UNTRUSTED_ORIGIN\"");
    }

    @Test
    void aCookieRequestWithoutAnOriginThatChangesSomethingIsA403() {
        assertThat(http.send("POST", "/api/tasks", "Cookie", cookie()).statusCode()).isEqualTo(403);
    }

    @Test
    void aCookieRequestFromATrustedOriginNeedsNoCsrfToken() {
        HttpResponse<String> answer = http.send("POST", "/api/tasks", "Cookie", cookie(),
                "Origin", SecuredApplication.FRONT_END);

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedOutSessionIsRefused() {
        BetterAuthStandIn.sessions().signOut(signed);

        HttpResponse<String> answer = http.get("/api/me", "Cookie", cookie());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"reason\":\"UNKNOWN_SESSION\"");
    }

    @Test
    void theBearerPluginsTokenWorksToo() {
        assertThat(http.getWith("/api/me", signed).body()).contains("\"credential\":\"SESSION\"");
    }
}

package dev.betterauth4j.core;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import com.sun.net.httpserver.HttpExchange;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.CLOCK;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key source that misbehaves is an outage, never a crash, a hang or a way in. */
class HostileKeySourceTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");
    private static final int TEN_MIB = 10 * 1024 * 1024;

    private final JwksServer server = JwksServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String token() {
        return TestToken.betterAuth(ED, server.issuer(), NOW).signWith(ED);
    }

    private BetterAuthVerifierBuilder builder() {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clock(CLOCK);
    }

    /** Streams {@code size} bytes of a JSON string, counting what actually left the server. */
    private static JwksServer.Behaviour huge(long declaredLength, AtomicLong written) {
        return (exchange, json) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, declaredLength);
            byte[] chunk = ("{\"keys\":[],\"pad\":\"" + "x".repeat(8 * 1024)).getBytes();
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < TEN_MIB) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            }
        };
    }

    @Test
    void refusesAKeySetDeclaredLargerThanTheLimitWithoutReadingIt() {
        AtomicLong written = new AtomicLong();
        server.behave(huge(TEN_MIB + 100, written));

        assertRejected(builder().build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
        assertThat(written.get()).isLessThan(TEN_MIB);
    }

    @Test
    void cutsOffAnUndeclaredKeySetAsSoonAsItPassesTheLimit() {
        AtomicLong written = new AtomicLong();
        server.behave(huge(0, written));

        assertRejected(builder()
                .keySet(keys -> keys.sizeLimit(64 * 1024)).build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
        assertThat(written.get()).isLessThan(TEN_MIB);
    }

    @Test
    void aResponseThatDripsOneByteASecondIsBoundedByTheReadTimeout() {
        server.behave((exchange, json) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();

        assertRejected(builder()
                .http(http -> http.readTimeout(Duration.ofSeconds(1))).build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 429, 500, 502})
    void anErrorStatusWithAColdCacheIsAnOutage(int status) {
        server.behave((exchange, json) -> JwksServer.respond(exchange, status, "application/json", "{\"keys\":[]}"));
        assertRejected(builder().build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 429, 500, 502})
    void anErrorStatusWithAWarmCacheKeepsTheCachedKeysWorking(int status) throws Exception {
        server.publish(ED.publicJwk());
        BetterAuthVerifier verifier = builder().keySet(keys -> keys.cacheTtl(Duration.ofSeconds(1))
                .refreshRateLimit(Duration.ofMillis(100)).refreshAhead(Duration.ZERO)).build();
        verifier.verify(token());
        server.behave((exchange, json) -> JwksServer.respond(exchange, status, "text/html", "<h1>error</h1>"));
        Thread.sleep(1_200);

        assertThat(verifier.verify(token()).id()).isEqualTo(TestToken.USER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Welcome</body></html>", "", "null", "[]", "{\"foo\":1}", "{\"keys\":{}}",
            "{\"keys\":\"none\"}", "{\"keys\":[", "\"keys\""})
    void aBodyThatIsNotAJwkSetIsAnOutage(String body) {
        server.behave((exchange, json) -> JwksServer.respond(exchange, 200, "application/json", body));
        assertRejected(builder().build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
    }

    @Test
    void anEmptyKeySetMeansNoKeyIsKnown() {
        server.publishRaw("{\"keys\":[]}");
        assertRejected(builder().build(), token(), Reason.UNKNOWN_KEY);
    }

    @Test
    void doesNotFollowARedirectToAnotherHost() {
        try (JwksServer elsewhere = JwksServer.start()) {
            elsewhere.publish(ED.publicJwk());
            URI target = URI.create("http://localhost:" + elsewhere.baseUrl().getPort() + "/api/auth/jwks");
            server.behave(redirectTo(target.toString()));

            assertRejected(builder().build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
            assertThat(elsewhere.requestCount()).isZero();
        }
    }

    @Test
    void followsARedirectWithinTheSameOrigin() throws Exception {
        server.behave((exchange, json) -> {
            if (exchange.getRequestURI().getPath().equals("/api/auth/jwks")) {
                redirectTo("/keys/current.json").handle(exchange, json);
            } else {
                JwksServer.respond(exchange, 200, "application/json", json);
            }
        });
        server.publish(ED.publicJwk());

        assertThat(builder().build().verify(token()).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void stopsAfterAFewRedirects() {
        server.behave(redirectTo("/api/auth/jwks"));
        assertRejected(builder().build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
        assertThat(server.requestCount()).isLessThanOrEqualTo(2 * (BoundedHttpClient.MAX_REDIRECTS + 1));
    }

    private static JwksServer.Behaviour redirectTo(String location) {
        return (HttpExchange exchange, String json) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    @Test
    void refusesAPlainHttpKeySetUrlOnANonLoopbackHostAtBuildTime() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().baseUrl(URI.create("http://auth.internal:3000")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("http.allowInsecure");
        assertThatThrownBy(() -> BetterAuthVerifier.builder().issuer("x").audiences("y")
                .jwksUrl(URI.create("http://10.0.0.5/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETTER_AUTH_JWKS_URL");
    }

    @Test
    void acceptsAPlainHttpKeySetUrlOnANonLoopbackHostWhenExplicitlyAllowed() {
        try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(URI.create("http://auth.internal:3000"))
                .http(http -> http.allowInsecure(true)).build()) {
            assertThat(verifier.toString()).contains("http://auth.internal:3000/api/auth/jwks");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://127.0.0.1:3000", "http://127.8.9.10", "http://[::1]:3000"})
    void acceptsPlainHttpOnLoopback(String url) {
        try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(URI.create(url)).build()) {
            assertThat(verifier.toString()).contains("/api/auth/jwks");
        }
    }

    @Test
    void neverTreatsAHostNamedLikeLoopbackAsLoopback() {
        assertThat(RemoteUrl.isLoopback("localhost.evil.example")).isFalse();
        assertThat(RemoteUrl.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(RemoteUrl.isLoopback("0x7f000001")).isFalse();
    }

    @Test
    void theKeySetUrlMayNotBeAFileOrOtherScheme() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().issuer("x").audiences("y")
                .jwksUrl(URI.create("file:///etc/passwd")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
    }

    @Test
    void closingTheServerMidResponseIsAnOutage() {
        server.behave((exchange, json) -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"keys\":[".getBytes());
            throw new IOException("connection dropped");
        });
        assertRejected(builder()
                .http(http -> http.readTimeout(Duration.ofSeconds(2))).build(), token(), Reason.KEY_SOURCE_UNAVAILABLE);
    }
}

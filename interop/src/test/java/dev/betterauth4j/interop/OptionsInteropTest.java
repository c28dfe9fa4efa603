package dev.betterauth4j.interop;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.betterauth4j.interop.AlgorithmInteropTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** The Better Auth options that change tokens, and the tokens and cookies that are not access tokens. */
@Tag("interop")
class OptionsInteropTest {

    @Test
    void customIssuerAndArrayAudienceAreAcceptedOnlyWhenConfigured() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_ISSUER", "https://issuer.example",
                "BA_AUDIENCE", "api-one,api-two")) {
            String token = server.client().token(server.client().signUp("Alice"));
            assertThat(Jwt.payload(token)).containsEntry("iss", "https://issuer.example")
                    .containsEntry("aud", List.of("api-one", "api-two"));

            try (BetterAuthVerifier configured = BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                    .issuer("https://issuer.example").audiences("api-two").build();
                 BetterAuthVerifier defaults = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).build();
                 BetterAuthVerifier otherAudience = BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                         .issuer("https://issuer.example").audiences("api-three").build()) {
                assertThat(configured.verify(token).audience()).containsExactly("api-one", "api-two");
                assertRejected(defaults, token, Reason.WRONG_ISSUER);
                assertRejected(otherAudience, token, Reason.WRONG_AUDIENCE);
            }
        }
    }

    @Test
    void customJwksPathIsReachedThroughJwksUrl() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_JWKS_PATH", "/.well-known/jwks.json")) {
            String token = server.client().token(server.client().signUp("Alice"));
            URI jwksUrl = server.auth("/.well-known/jwks.json");

            try (BetterAuthVerifier withJwksUrl = BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                    .jwksUrl(jwksUrl).build();
                 BetterAuthVerifier withDefaultPath = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).build()) {
                assertThat(withJwksUrl.verify(token).email()).startsWith("alice-");
                assertRejected(withDefaultPath, token, Reason.KEY_SOURCE_UNAVAILABLE);
            }
        }
    }

    @Test
    void aRotatedKeyIsPickedUpWithOneRefreshAndThePreviousKeyStaysValid() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_ROTATION_INTERVAL", "2");
             CountingProxy jwks = new CountingProxy(server.baseUrl())) {
            BetterAuthClient client = server.client();
            BetterAuthClient.Session alice = client.signUp("Alice");
            String first = client.token(alice);
            try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                    .jwksUrl(jwks.jwksUrl()).build()) {
                assertThat(verifier.verify(first).id()).isEqualTo(alice.userId());
                assertThat(jwks.calls("/api/auth/jwks")).isEqualTo(1);

                String second = waitForNewKid(client, alice, (String) Jwt.header(first).get("kid"));
                assertThat(verifier.verify(second).id()).isEqualTo(alice.userId());
                assertThat(jwks.calls("/api/auth/jwks")).isEqualTo(2);

                assertThat(verifier.verify(first).id()).isEqualTo(alice.userId());
                assertThat(verifier.verify(second).id()).isEqualTo(alice.userId());
                assertThat(jwks.calls("/api/auth/jwks")).isEqualTo(2);
                assertThat(client.jwks("/jwks")).contains((String) Jwt.header(first).get("kid"))
                        .contains((String) Jwt.header(second).get("kid"));
            }
        }
    }

    private static String waitForNewKid(BetterAuthClient client, BetterAuthClient.Session session, String oldKid)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            String token = client.token(session);
            if (!oldKid.equals(Jwt.header(token).get("kid"))) {
                return token;
            }
        }
        throw new AssertionError("Better Auth did not rotate its key within 15 s");
    }

    @Test
    void aShortLivedTokenIsAcceptedThenExpiresOncePastItsExpiryPlusTheSkew() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_EXPIRATION", "3s")) {
            String token = server.client().token(server.client().signUp("Alice"));
            long exp = ((Number) Jwt.payload(token).get("exp")).longValue();
            assertThat(exp - ((Number) Jwt.payload(token).get("iat")).longValue()).isEqualTo(3);
            Duration skew = Duration.ofSeconds(1);

            try (BetterAuthVerifier now = verifierAt(server, skew, Clock.systemUTC());
                 BetterAuthVerifier withinSkew = verifierAt(server, skew, clockAt(exp * 1000 + 500));
                 BetterAuthVerifier pastSkew = verifierAt(server, skew, clockAt(exp * 1000 + 1000))) {
                assertThat(now.verify(token).expiresAt()).isEqualTo(Instant.ofEpochSecond(exp));
                assertThat(withinSkew.verify(token).id()).isNotEmpty();
                assertRejected(pastSkew, token, Reason.EXPIRED);
            }

            // And on the real clock: wait past exp + skew.
            try (BetterAuthVerifier real = verifierAt(server, skew, Clock.systemUTC())) {
                long wait = exp * 1000 + skew.toMillis() + 200 - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                assertRejected(real, token, Reason.EXPIRED);
            }
        }
    }

    private static BetterAuthVerifier verifierAt(BetterAuthServer server, Duration skew, Clock clock) {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clockSkew(skew).clock(clock).build();
    }

    private static Clock clockAt(long epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(epochMillis), java.time.ZoneOffset.UTC);
    }

    @Test
    void theJwksSignedSessionCacheCookieIsNotAnAccessToken() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_COOKIE_CACHE_STRATEGY", "jwt",
                "BA_SESSION_COOKIE_CACHE", "true")) {
            BetterAuthClient.Session alice = server.client().signUp("Alice");
            String cookie = alice.sessionData();
            assertThat(cookie).as("session_data cookie").isNotNull();
            assertThat(Jwt.header(cookie)).containsEntry("typ", "better-auth.session-cache+jwt").containsKey("kid");
            assertThat(Jwt.payload(cookie)).containsEntry("aud", "better-auth:session-cache");

            try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).build()) {
                assertThat(verifier.verify(server.client().token(alice)).id()).isEqualTo(alice.userId());
                assertRejected(verifier, cookie, Reason.WRONG_TOKEN_TYPE);
            }
        }
    }

    @Test
    void theBearerPluginsSessionTokenIsMalformedNotACrash() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start()) {
            BetterAuthClient.Session alice = server.client().signUp("Alice");
            assertThat(alice.bearerToken()).contains(".").doesNotStartWith("eyJ");

            try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).build()) {
                assertRejected(verifier, alice.bearerToken(), Reason.MALFORMED);
                assertRejected(verifier, alice.bearerToken().substring(0, alice.bearerToken().indexOf('.')),
                        Reason.MALFORMED);
            }
        }
    }

    @Test
    void theSecretSignedCookieCacheJwtIsNotAnAccessTokenEvenWithTheSecret() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_COOKIE_CACHE_STRATEGY", "jwt")) {
            BetterAuthClient.Session alice = server.client().signUp("Alice");
            String cookie = alice.sessionData();
            assertThat(Jwt.header(cookie)).isEqualTo(Map.of("alg", "HS256"));

            try (BetterAuthVerifier keySetOnly = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).build();
                 BetterAuthVerifier withSecret = BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                         .sharedSecret(BetterAuthServer.SECRET).build()) {
                assertRejected(keySetOnly, cookie, Reason.ALGORITHM_NOT_ALLOWED);
                assertRejected(withSecret, cookie, Reason.MISSING_CLAIM);
            }
        }
    }

    @Test
    void theCompactCookieCacheIsMalformed() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_COOKIE_CACHE_STRATEGY", "compact")) {
            BetterAuthClient.Session alice = server.client().signUp("Alice");

            try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).build()) {
                assertRejected(verifier, alice.sessionData(), Reason.MALFORMED);
            }
        }
    }
}

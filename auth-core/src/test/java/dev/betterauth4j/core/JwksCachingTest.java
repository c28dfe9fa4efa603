package dev.betterauth4j.core;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.CLOCK;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Key set fetching, caching, rotation and outages, against a real JWKS endpoint on loopback. */
class JwksCachingTest {

    private final JwksServer server = JwksServer.start();
    private final SigningKey keyA = SigningKey.of("EdDSA", "key-a");
    private final SigningKey keyB = SigningKey.of("EdDSA", "key-b");

    @AfterEach
    void stopServer() {
        server.close();
    }

    private BetterAuthVerifierBuilder builder() {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clock(CLOCK);
    }

    private String tokenBy(SigningKey key) {
        return TestToken.betterAuth(key, server.issuer(), NOW.minusSeconds(10)).signWith(key);
    }

    private String tokenWithKid(String kid) {
        return TestToken.betterAuth(keyA, server.issuer(), NOW.minusSeconds(10)).header("kid", kid).signWith(keyA);
    }

    @Test
    void fetchesTheKeySetFromBetterAuthsJwksPathOnFirstUseAndCachesIt() throws Exception {
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder().build()) {
            for (int i = 0; i < 20; i++) {
                assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
            }
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void picksUpARotatedKeyWithOneRefreshAndKeepsAcceptingThePreviousKey() throws Exception {
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder().build()) {
            verifier.verify(tokenBy(keyA));
            server.publish(keyA.publicJwk(), keyB.publicJwk());

            assertThat(verifier.verify(tokenBy(keyB)).id()).isEqualTo(TestToken.USER_ID);
            assertThat(server.requestCount()).isEqualTo(2);

            assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
            assertThat(verifier.verify(tokenBy(keyB)).id()).isEqualTo(TestToken.USER_ID);
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void floodOfUnknownKidsCausesAtMostTheRateLimitedNumberOfFetches() throws Exception {
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder()
                .keySet(keys -> keys.refreshRateLimit(Duration.ofMinutes(1))).build()) {
            verifier.verify(tokenBy(keyA));
            for (int i = 0; i < 500; i++) {
                assertRejected(verifier, tokenWithKid(SigningKey.randomKid()), Reason.UNKNOWN_KEY);
            }
            assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
        }
        // The fetch budget allows two at once (the first load and one refresh), then one per interval (a minute here).
        assertThat(server.requestCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void keepsVerifyingWithCachedKeysWhenTheEndpointFailsAfterTheCacheExpired() throws Exception {
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder().keySet(keys -> keys.cacheTtl(Duration.ofSeconds(1))
                .refreshRateLimit(Duration.ofMillis(100)).refreshAhead(Duration.ZERO)).build()) {
            verifier.verify(tokenBy(keyA));
            server.behave((exchange, json) -> JwksServer.respond(exchange, 500, "text/plain", "down"));
            Thread.sleep(1_200);

            assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
            assertThat(server.requestCount()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void keepsVerifyingWithCachedKeysWhenTheEndpointIsGone() throws Exception {
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder().keySet(keys -> keys.cacheTtl(Duration.ofSeconds(1))
                .refreshRateLimit(Duration.ofMillis(100)).refreshAhead(Duration.ZERO)).build()) {
            verifier.verify(tokenBy(keyA));
            server.close();
            Thread.sleep(1_200);

            assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
        }
    }

    @Test
    void reportsAnOutageWhenTheEndpointFailsAndNothingIsCached() {
        server.behave((exchange, json) -> JwksServer.respond(exchange, 503, "text/plain", "maintenance"));
        try (BetterAuthVerifier verifier = builder().build()) {
            assertRejected(verifier, tokenBy(keyA), Reason.KEY_SOURCE_UNAVAILABLE);
            assertRejected(verifier, tokenBy(keyA), Reason.KEY_SOURCE_UNAVAILABLE);
            assertRejected(verifier, tokenBy(keyA), Reason.KEY_SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void reportsAnOutageForAnUnknownKidWhenTheRefreshFails() throws Exception {
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder().build()) {
            verifier.verify(tokenBy(keyA));
            server.behave((exchange, json) -> JwksServer.respond(exchange, 500, "text/plain", "down"));

            assertRejected(verifier, tokenBy(keyB), Reason.KEY_SOURCE_UNAVAILABLE);
            assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
        }
    }

    @Test
    void recoversOnceTheEndpointIsBack() throws Exception {
        server.behave((exchange, json) -> JwksServer.respond(exchange, 500, "text/plain", "down"));
        server.publish(keyA.publicJwk());
        try (BetterAuthVerifier verifier = builder()
                .keySet(keys -> keys.refreshRateLimit(Duration.ofMillis(200))).build()) {
            assertRejected(verifier, tokenBy(keyA), Reason.KEY_SOURCE_UNAVAILABLE);
            server.behave(JwksServer.SERVE);
            Thread.sleep(250);

            assertThat(verifier.verify(tokenBy(keyA)).id()).isEqualTo(TestToken.USER_ID);
        }
    }

    @Test
    void aSlowEndpointIsBoundedByTheReadTimeout() {
        server.publish(keyA.publicJwk()).delay(Duration.ofSeconds(10));
        try (BetterAuthVerifier verifier = builder().http(http -> http.readTimeout(Duration.ofMillis(300))).build()) {
            long start = System.nanoTime();

            assertRejected(verifier, tokenBy(keyA), Reason.KEY_SOURCE_UNAVAILABLE);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void thirtyTwoThreadsVerifyingAtFirstUseCauseOneFetch() throws Exception {
        server.publish(keyA.publicJwk()).delay(Duration.ofMillis(300));
        String token = tokenBy(keyA);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try (BetterAuthVerifier verifier = builder().build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AuthenticatedUser>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return verifier.verify(token);
                }));
            }
            start.countDown();
            for (Future<AuthenticatedUser> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).id()).isEqualTo(TestToken.USER_ID);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void dropsAKeyThatLeftTheKeySetAfterTheCacheExpires() throws Exception {
        server.publish(keyA.publicJwk(), keyB.publicJwk());
        try (BetterAuthVerifier verifier = builder().keySet(keys -> keys.cacheTtl(Duration.ofSeconds(1))
                .refreshRateLimit(Duration.ofMillis(100)).refreshAhead(Duration.ZERO)).build()) {
            verifier.verify(tokenBy(keyA));
            server.publish(keyB.publicJwk());
            Thread.sleep(1_200);

            assertRejected(verifier, tokenBy(keyA), Reason.UNKNOWN_KEY);
            assertThat(verifier.verify(tokenBy(keyB)).id()).isEqualTo(TestToken.USER_ID);
        }
    }
}

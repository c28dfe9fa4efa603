package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.CLOCK;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the key set cannot be fetched, its last good copy is used for the outage tolerance after the last successful
 * fetch, and not a moment longer: for tokens in the verified-token cache exactly as for the others. The key set's
 * clock is moved by hand (tokens are checked against {@link TestVerifiers#CLOCK}, which stands still); the key set
 * comes from a real HTTP endpoint that goes down.
 */
class OutageToleranceTest {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final Duration TOLERANCE = Duration.ofMinutes(10);

    private final JwksServer server = JwksServer.start();
    private final SigningKey key = SigningKey.of("EdDSA", "outage-key");
    private final MutableClock keySetClock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));

    @AfterEach
    void stopServer() {
        server.close();
    }

    private BetterAuthVerifier verifier() {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clock(CLOCK).cacheClock(keySetClock)
                .keySet(keys -> keys.cacheTtl(TTL).refreshAhead(Duration.ZERO).refreshRateLimit(Duration.ofMillis(100))
                .outageTolerance(TOLERANCE)).tokenCacheSize(100).build();
    }

    private String token(String jti) {
        return TestToken.betterAuth(key, server.issuer(), NOW.minusSeconds(10)).claim("jti", jti).signWith(key);
    }

    private void endpointGoesDown() {
        server.behave((exchange, json) -> JwksServer.respond(exchange, 503, "text/plain", "down"));
    }

    @Test
    void aCachedTokenIsRefusedLikeAnUncachedOneOnceTheToleranceHasPassed() throws Exception {
        server.publish(key.publicJwk());
        try (BetterAuthVerifier verifier = verifier()) {
            String cached = token("cached");
            verifier.verify(cached);
            assertThat(verifier.cachedTokens()).isEqualTo(1);
            endpointGoesDown();

            keySetClock.advance(TOLERANCE.plusSeconds(1));

            assertRejected(verifier, token("not-cached"), Reason.KEY_SOURCE_UNAVAILABLE);
            assertRejected(verifier, cached, Reason.KEY_SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void cachedAndUncachedTokensAreBothAcceptedWithinTheTolerance() throws Exception {
        server.publish(key.publicJwk());
        try (BetterAuthVerifier verifier = verifier()) {
            String cached = token("cached");
            AuthenticatedUser first = verifier.verify(cached);
            endpointGoesDown();

            keySetClock.advance(TOLERANCE.minusSeconds(1));

            assertThat(verifier.verify(token("not-cached")).id()).isEqualTo(TestToken.USER_ID);
            assertThat(verifier.verify(cached)).isSameAs(first);
            assertThat(server.requestCount()).as("the expired set was fetched again, and that failed").isGreaterThan(1);
        }
    }

    @Test
    void theToleranceCountsFromTheLastSuccessfulFetchNotFromTheLastFailedOne() throws Exception {
        server.publish(key.publicJwk());
        try (BetterAuthVerifier verifier = verifier()) {
            String cached = token("cached");
            verifier.verify(cached);
            endpointGoesDown();

            // A failed refresh every minute, each falling back on the old keys: that must not renew them.
            for (int minute = 1; minute < TOLERANCE.toMinutes(); minute++) {
                keySetClock.advance(TTL);
                assertThat(verifier.verify(token("minute-" + minute)).id()).isEqualTo(TestToken.USER_ID);
            }
            keySetClock.advance(TTL.minusMillis(1));
            assertThat(verifier.verify(cached).id()).as("1 ms before the tolerance ends").isEqualTo(TestToken.USER_ID);

            keySetClock.advance(Duration.ofMillis(1));

            assertRejected(verifier, token("at-the-limit"), Reason.KEY_SOURCE_UNAVAILABLE);
            assertRejected(verifier, cached, Reason.KEY_SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void verifyingResumesAsSoonAsTheEndpointIsBack() throws Exception {
        server.publish(key.publicJwk());
        try (BetterAuthVerifier verifier = verifier()) {
            String cached = token("cached");
            verifier.verify(cached);
            endpointGoesDown();
            keySetClock.advance(TOLERANCE.plusSeconds(1));
            assertRejected(verifier, cached, Reason.KEY_SOURCE_UNAVAILABLE);

            server.behave(JwksServer.SERVE);
            keySetClock.advance(Duration.ofSeconds(1));

            assertThat(verifier.verify(cached).id()).isEqualTo(TestToken.USER_ID);
            assertThat(verifier.verify(token("not-cached")).id()).isEqualTo(TestToken.USER_ID);
        }
    }
}

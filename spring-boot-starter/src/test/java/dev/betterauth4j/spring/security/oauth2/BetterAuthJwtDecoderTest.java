package dev.betterauth4j.spring.security.oauth2;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.spring.FailingClock;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The decoder's answers: a verified token as Spring's {@link Jwt}, a refusal as a {@link BadJwtException} whose cause
 * is the verifier's reason, and an exception the verifier does not declare as a {@link BadJwtException} too (a 401
 * through Spring's resource server, never its 500).
 */
class BetterAuthJwtDecoderTest {

    private static final String ISSUER = "https://app.example.com";
    private static final SigningKey KEY = SigningKey.of("EdDSA");

    private final FailingClock clock = new FailingClock();
    private final BetterAuthVerifier verifier = BetterAuthVerifier.builder().jwks(KEY.jwkSet()).issuer(ISSUER)
            .audiences(ISSUER).clock(clock).build();
    private final BetterAuthJwtDecoder decoder = new BetterAuthJwtDecoder(verifier);

    @AfterEach
    void close() {
        verifier.close();
    }

    @Test
    void aValidTokenIsAJwtWithItsHeaderAndClaims() {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).claim("role", "admin").sign();

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo(TestToken.USER_ID);
        assertThat(jwt.getHeaders()).containsEntry("alg", "EdDSA");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("admin");
    }

    @Test
    void aRefusedTokenIsABadJwtWithTheVerifiersReason() {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).expired().sign();

        BadJwtException refused = catchThrowableOfType(BadJwtException.class, () -> decoder.decode(token));

        assertThat(refused).isNotInstanceOf(BetterAuthJwtOutageException.class);
        assertThat(refused.getCause()).isInstanceOfSatisfying(TokenVerificationException.class, cause ->
                assertThat(cause.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void anUnexpectedFailureOfTheVerifierIsABadJwtMalformedThatQuotesNothing() {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).sign();
        clock.fail();

        BadJwtException refused = catchThrowableOfType(BadJwtException.class, () -> decoder.decode(token));

        assertThat(refused).hasMessageNotContaining("clock");
        assertThat(refused.getCause()).isInstanceOfSatisfying(TokenVerificationException.class, cause -> {
            assertThat(cause.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(cause).hasNoCause();
        });
    }
}

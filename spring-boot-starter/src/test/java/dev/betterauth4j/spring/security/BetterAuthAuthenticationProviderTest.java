package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.spring.FailingClock;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The provider's answers to what the verifier does: a verified user, a refusal carrying the library's answer, and an
 * exception the verifier does not declare, which fails closed as the library's filter fails (401, not a 500).
 */
class BetterAuthAuthenticationProviderTest {

    private static final String ISSUER = "https://app.example.com";
    private static final SigningKey KEY = SigningKey.of("EdDSA");

    private final FailingClock clock = new FailingClock();
    private final BetterAuthVerifier verifier = BetterAuthVerifier.builder().jwks(KEY.jwkSet()).issuer(ISSUER)
            .audiences(ISSUER).clock(clock).build();
    private final BetterAuthRequests requests = BetterAuthFilter.builder(verifier).buildRequests();
    private final BetterAuthAuthenticationProvider provider = new BetterAuthAuthenticationProvider(verifier,
            new BetterAuthAuthorities(requests));

    @AfterEach
    void close() {
        verifier.close();
    }

    private BetterAuthCredentialsToken presenting(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", "Bearer " + token);
        return new BetterAuthCredentialsToken(requests.credentials(request));
    }

    @Test
    void aValidTokenIsAnAuthenticationOfItsUserWithItsRoles() {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).claim("role", "admin").sign();

        BetterAuthAuthentication authentication = (BetterAuthAuthentication) provider.authenticate(presenting(token));

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo(TestToken.USER_ID);
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_admin");
    }

    @Test
    void aRefusedTokenCarriesTheLibrarysAnswer() {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).expired().sign();

        BetterAuthAuthenticationException refused = catchThrowableOfType(BetterAuthAuthenticationException.class,
                () -> provider.authenticate(presenting(token)));

        assertThat(refused.failure().status()).isEqualTo(401);
        assertThat(refused.failure().reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void anUnexpectedFailureOfTheVerifierIsA401MalformedThatQuotesNothing() {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).sign();
        clock.fail();

        BetterAuthAuthenticationException refused = catchThrowableOfType(BetterAuthAuthenticationException.class,
                () -> provider.authenticate(presenting(token)));

        assertThat(refused.failure().status()).isEqualTo(401);
        assertThat(refused.failure().error()).isEqualTo("invalid_token");
        assertThat(refused.failure().reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refused).hasNoCause().hasMessageNotContaining("clock");
    }
}

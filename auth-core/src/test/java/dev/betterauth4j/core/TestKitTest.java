package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test kit (betterauth4j-test) does what docs/testing.md promises its users: for every algorithm, a token from
 * {@link JwksServer#token(SigningKey)} verifies against the server's key set, and each variant in the guide's table is
 * refused for the reason the table names.
 */
class TestKitTest {

    static List<String> algorithms() {
        return SigningKey.ASYMMETRIC_ALGORITHMS;
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void aTokenFromTheServerVerifiesWithBetterAuthsDefaultsAndItsChosenClaims(String algorithm) throws Exception {
        SigningKey key = SigningKey.of(algorithm);
        try (JwksServer betterAuth = JwksServer.serving(key)) {
            BetterAuthVerifier verifier = verifier(betterAuth, algorithm);

            AuthenticatedUser alice = verifier.verify(betterAuth.token(key).sign());
            assertThat(alice.id()).isEqualTo(TestToken.USER_ID);
            assertThat(alice.email()).isEqualTo(TestToken.EMAIL);
            assertThat(alice.name()).isEqualTo(TestToken.NAME);
            assertThat(alice.issuer()).isEqualTo(betterAuth.issuer());
            assertThat(alice.expiresAt()).isEqualTo(alice.issuedAt().plus(TestToken.LIFETIME));

            AuthenticatedUser bob = verifier.verify(betterAuth.token(key).subject("user-42").email("bob@example.com")
                    .name("Bob").emailVerified(true).image("https://example.com/bob.png").claim("role", "admin")
                    .audience(betterAuth.issuer(), "https://api.example.com").sign());
            assertThat(bob.id()).isEqualTo("user-42");
            assertThat(bob.claims()).containsEntry("id", "user-42");
            assertThat(bob.email()).isEqualTo("bob@example.com");
            assertThat(bob.name()).isEqualTo("Bob");
            assertThat(bob.emailVerified()).isTrue();
            assertThat(bob.image()).isEqualTo("https://example.com/bob.png");
            assertThat(bob.claim("role", String.class)).contains("admin");
            assertThat(bob.audience()).containsExactly(betterAuth.issuer(), "https://api.example.com");
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void eachVariantIsRefusedForTheReasonTheGuideNames(String algorithm) throws Exception {
        SigningKey key = SigningKey.of(algorithm);
        try (JwksServer betterAuth = JwksServer.serving(key)) {
            BetterAuthVerifier verifier = verifier(betterAuth, algorithm);

            assertRefused(verifier, betterAuth.token(key).expired().sign(), Reason.EXPIRED);
            assertRefused(verifier, betterAuth.token(key).notYetValid().sign(), Reason.NOT_YET_VALID);
            assertRefused(verifier, betterAuth.token(key).wrongAudience().sign(), Reason.WRONG_AUDIENCE);
            assertRefused(verifier, betterAuth.token(key).wrongIssuer().sign(), Reason.WRONG_ISSUER);
            assertRefused(verifier, betterAuth.token(key).without("exp").sign(), Reason.MISSING_CLAIM);
            assertRefused(verifier, betterAuth.token(key).signWithUnpublishedKey(), Reason.BAD_SIGNATURE);
            SigningKey unpublished = SigningKey.of(algorithm, "not-published");
            assertRefused(verifier, betterAuth.token(unpublished).sign(), Reason.UNKNOWN_KEY);
        }
    }

    @Test
    void aKeyRotationIsOnePublishAway() throws Exception {
        SigningKey before = SigningKey.of("EdDSA", "before");
        SigningKey after = SigningKey.fresh("EdDSA", "after");
        try (JwksServer betterAuth = JwksServer.serving(before)) {
            BetterAuthVerifier verifier = verifier(betterAuth, "EdDSA");
            assertThat(verifier.verify(betterAuth.token(before).sign()).id()).isEqualTo(TestToken.USER_ID);

            betterAuth.publish(before, after);

            assertThat(verifier.verify(betterAuth.token(after).sign()).id()).isEqualTo(TestToken.USER_ID);
            assertThat(betterAuth.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void anOutageWithNothingCachedIsAnOutage() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        try (JwksServer betterAuth = JwksServer.serving(key).behave(JwksServer.UNAVAILABLE)) {
            assertRefused(verifier(betterAuth, "EdDSA"), betterAuth.token(key).sign(), Reason.KEY_SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void anHmacSecretSignsTokensForTheSharedSecretVerifier() throws Exception {
        String secret = "a-test-secret-of-at-least-32-bytes-for-hs256";
        for (String algorithm : SigningKey.HMAC_ALGORITHMS) {
            String longEnough = secret.repeat(2);
            SigningKey key = SigningKey.hmac(longEnough, algorithm);
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().sharedSecret(longEnough)
                    .issuer("https://app.example.com").audiences("https://app.example.com")
                    .algorithms(algorithm).build();

            assertThat(verifier.verify(TestToken.betterAuth(key, "https://app.example.com").sign()).id())
                    .isEqualTo(TestToken.USER_ID);
        }
        assertThatThrownBy(() -> SigningKey.hmac("too short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.hmac(secret).jwkSet()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownAlgorithmsAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> SigningKey.fresh("ES256K", "k")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ES256K").hasMessageContaining("EdDSA");
    }

    private static BetterAuthVerifier verifier(JwksServer betterAuth, String algorithm) {
        return BetterAuthVerifier.builder().baseUrl(betterAuth.baseUrl()).algorithms(algorithm).build();
    }

    private static void assertRefused(BetterAuthVerifier verifier, String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenVerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package dev.betterauth4j.consumer;

import com.nimbusds.jose.jwk.JWKSet;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test kit, from the published betterauth4j-test, as an application's tests use it. */
class ConsumerTest {

    @Test
    void theFixedTokenVerifiesAgainstTheFixedKeySet() throws Exception {
        BetterAuthVerifier verifier = BetterAuthVerifier.builder()
                .jwks(JWKSet.parse(Consumer.resource("jwks.json")))
                .issuer(Consumer.ISSUER).audiences(Consumer.ISSUER)
                .build();

        assertEquals(Consumer.USER_ID, verifier.verify(Consumer.resource("token.txt").strip()).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "ES256", "RS256"})
    void tokensFromTheTestKitVerifyAgainstItsKeySetEndpoint(String algorithm) throws Exception {
        SigningKey key = SigningKey.of(algorithm);
        try (JwksServer betterAuth = JwksServer.serving(key)) {
            BetterAuthVerifier verifier = BetterAuthVerifier.builder()
                    .baseUrl(betterAuth.baseUrl())
                    .algorithms(algorithm)
                    .build();

            AuthenticatedUser user = verifier.verify(betterAuth.token(key).subject("user-42").sign());
            assertEquals("user-42", user.id());

            TokenVerificationException expired = assertThrows(TokenVerificationException.class,
                    () -> verifier.verify(betterAuth.token(key).expired().sign()));
            assertEquals(TokenVerificationException.Reason.EXPIRED, expired.reason());
            assertEquals(1, betterAuth.requestCount());
        }
    }
}

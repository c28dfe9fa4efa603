package dev.betterauth4j.interop;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every key algorithm Better Auth's runtime accepts: a verifier built from the base URL (plus the algorithm, for
 * those outside Better Auth's TypeScript types) accepts tokens from {@code /api/auth/token} and from
 * {@code set-auth-jwt}, maps the user, and rejects tampered tokens and tokens of another Better Auth instance.
 */
@Tag("interop")
class AlgorithmInteropTest {

    private static final Set<String> BETTER_AUTH_DOCUMENTED = Set.of("EdDSA", "ES256", "ES512", "RS256", "PS256");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EdDSA", "ES256", "ES512", "RS256", "PS256", "ES384", "RS384", "RS512", "PS384", "PS512"})
    void verifiesBetterAuthTokensSignedWith(String algorithm) throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_ALG", algorithm);
             BetterAuthServer other = BetterAuthServer.start("BA_ALG", algorithm)) {
            BetterAuthClient client = server.client();
            BetterAuthClient.Session alice = client.signUp("Alice",
                    Map.of("role", "admin", "image", "https://img.example/alice.png"));
            String fromTokenEndpoint = client.token(alice);
            String fromSessionHeader = client.sessionJwt(alice);

            BetterAuthVerifierBuilder builder = BetterAuthVerifier.builder().baseUrl(server.baseUrl());
            if (!BETTER_AUTH_DOCUMENTED.contains(algorithm)) {
                builder.algorithms(algorithm);
            }
            try (BetterAuthVerifier verifier = builder.build()) {
                for (String token : new String[] {fromTokenEndpoint, fromSessionHeader}) {
                    assertThat(Jwt.header(token)).containsEntry("alg", algorithm).containsKey("kid")
                            .doesNotContainKey("typ");
                    AuthenticatedUser user = verifier.verify(token);

                    assertThat(user.id()).isEqualTo(alice.userId());
                    assertThat(user.email()).isEqualTo(alice.email());
                    assertThat(user.name()).isEqualTo("Alice");
                    assertThat(user.emailVerified()).isFalse();
                    assertThat(user.image()).isEqualTo("https://img.example/alice.png");
                    assertThat(user.claim("role", String.class)).contains("admin");
                    assertThat(user.claim("id", String.class)).contains(alice.userId());
                    assertThat(user.issuer()).isEqualTo(server.baseUrl().toString());
                    assertThat(user.audience()).containsExactly(server.baseUrl().toString());
                    assertThat(user.expiresAt()).isEqualTo(user.issuedAt().plusSeconds(900));
                }

                assertRejected(verifier, Jwt.withForgedSubject(fromTokenEndpoint, "someone-else"), Reason.BAD_SIGNATURE);
                String foreign = other.client().token(other.client().signUp("Mallory"));
                assertRejected(verifier, foreign, Reason.UNKNOWN_KEY);
            }
        }
    }

    static void assertRejected(BetterAuthVerifier verifier, String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

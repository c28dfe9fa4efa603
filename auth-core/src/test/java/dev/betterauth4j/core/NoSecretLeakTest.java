package dev.betterauth4j.core;

import dev.betterauth4j.testkit.IntrospectionServer;
import dev.betterauth4j.testsupport.LeakScanner;
import dev.betterauth4j.testsupport.LogCapture;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token, no part of a signature and no shared secret appears in any log record (at every level) while the
 * whole rejection suite runs, nor in the {@code toString()} of any public type.
 */
class NoSecretLeakTest {

    private static final String DEFAULT_SECRET = SharedSecret.BETTER_AUTH_DEFAULT;
    private final LeakScanner scanner = new LeakScanner(TestVerifiers.SECRET, FuzzKeys.load().secret, DEFAULT_SECRET);

    @Test
    void theRejectionSuitesLogNoTokenSignatureOrSecret() {
        TestExecutionSummary summary;
        List<String> texts;
        try (LogCapture logs = LogCapture.start()) {
            summary = LeakScanner.run(RejectionReasonTest.class, HeaderPolicyTest.class, HostileKeySourceTest.class,
                    JwksCachingTest.class, KeyAdmissionTest.class, BetterAuthTokenAcceptanceTest.class,
                    BuilderValidationTest.class, VerifierPropertiesTest.class, VerifiedTokenCacheTest.class,
                    ResourceBoundsTest.class, VerifierFuzzTest.class, SessionCredentialsTest.class,
                    AccessTokenTest.class, DpopTest.class, IntrospectionTest.class);
            texts = logs.texts();
        }

        assertThat(summary.getTotalFailureCount()).as("the suites themselves pass: %s", summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).toList()).isZero();
        assertThat(summary.getTestsSucceededCount()).isGreaterThan(380);
        assertThat(texts).as("log records were captured").isNotEmpty();
        assertThat(IntrospectionServer.ISSUED).as("opaque tokens were issued").isNotEmpty();
        LeakScanner opaque = new LeakScanner(IntrospectionServer.ISSUED.toArray(String[]::new));
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> found = new ArrayList<>(scanner.leaks("log record " + i, texts.get(i)));
            found.addAll(opaque.leaks("log record " + i, texts.get(i)));
            if (!found.isEmpty()) {
                leaks.addAll(found);
                leaks.add("  in: " + texts.get(i).lines().limit(3).toList());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noPublicTypeShowsATokenOrSecretInToString() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        String token = TestVerifiers.token(key).claim("sid", "session-token-value-0123456789abcdef").signWith(key);
        BetterAuthVerifier verifier = TestVerifiers.builder(key).sharedSecret(TestVerifiers.SECRET)
                .tokenCacheSize(100).build();
        AuthenticatedUser user = verifier.verify(token);
        TokenVerificationException rejection = new TokenVerificationException(TokenVerificationException.Reason.EXPIRED,
                "The token has expired");
        BetterAuthVerifier fromProperties = BetterAuthVerifier.fromProperties(java.util.Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_SECRET", TestVerifiers.SECRET));

        String session = "AbCdEfGhIjKlMnOpQrStUvWxYz012345.9vB8Zx2Jq4L0mW7cT1yR5nK3hF6dS8aP0oI2uE4wQ7s=";
        for (Object value : new Object[] {user, verifier, rejection, fromProperties, BetterAuthVerifier.builder(),
                TokenVerificationException.Reason.BAD_SIGNATURE, new Credential.Bearer(token),
                new Credential.TokenCookie("api_token", token), new Credential.SessionCookie("s", session),
                new RequestContext("POST", "https://app.example.com", null),
                new Credential.DPoP(token, token), DpopReplayStore.inMemory(10),
                new RequestContext("GET", null, null, java.net.URI.create("https://api.example.com/x?access_token="
                        + token)),
                TestVerifiers.builder(key)
                        .accessTokens(tokens -> tokens.resource("https://api.example.com").introspectionClientId("rs")
                        .introspectionClientSecret(TestVerifiers.SECRET)).build()}) {
            assertThat(scanner.leaks(value.getClass().getSimpleName(), value.toString())).isEmpty();
            assertThat(value.toString()).doesNotContain("session-token-value").doesNotContain("AbCdEfGhIjKl");
        }
        assertThat(user.toString()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }
}

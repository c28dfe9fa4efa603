package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access-token options: each checked at build time, named in the message, read from properties. */
class OAuthSettingsTest {

    static final SigningKey KEY = SigningKey.of("EdDSA");

    @ParameterizedTest
    @ValueSource(strings = {"api.example.com", "/api", "https://api.example.com#part", "not a uri"})
    void refusesAResourceThatIsNotAnAbsoluteUriWithoutFragment(String resource) {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY).accessTokens(tokens -> tokens.resource(resource)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_RESOURCE");
    }

    @Test
    void anIntrospectionClientNeedsAResource() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY).accessTokens(tokens -> tokens.introspectionClientId("rs")
                .introspectionClientSecret(TestVerifiers.SECRET)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_RESOURCE")
                .hasMessageContaining("BETTER_AUTH_INTROSPECTION_CLIENT_ID");
    }

    @Test
    void anIntrospectionClientNeedsItsSecret() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY)
                .accessTokens(tokens -> tokens.resource("https://api.example.com")
                .introspectionClientId("rs")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETTER_AUTH_INTROSPECTION_CLIENT_SECRET");
    }

    @Test
    void refusingPluginTokensNeedsAResource() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY).pluginTokens(false).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_PLUGIN_TOKENS");
    }

    @Test
    void anUnknownAuthenticationMethodIsRefused() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY)
                .accessTokens(tokens -> tokens.resource("https://api.example.com")
                .introspectionClientId("rs").introspectionClientSecret(TestVerifiers.SECRET)
                .introspectionAuthMethod("private_key_jwt")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETTER_AUTH_INTROSPECTION_AUTH_METHOD").hasMessageContaining("private_key_jwt");
    }

    @Test
    void aPlainHttpIntrospectionUrlOnAnotherHostIsRefused() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY)
                .accessTokens(tokens -> tokens.resource("https://api.example.com")
                .introspectionClientId("rs").introspectionClientSecret(TestVerifiers.SECRET)
                .introspectionUrl(URI.create("http://auth.example.com/api/auth/oauth2/introspect"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_INTROSPECTION_URL");
    }

    @Test
    void aTooSmallReplayCacheIsRefused() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY)
                .accessTokens(tokens -> tokens.resource("https://api.example.com")
                .dpopReplayCacheSize(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE");
    }

    @Test
    void theSettingsAreReadFromProperties() {
        try (BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(Map.of(
                "BETTER_AUTH_URL", "https://app.example.com",
                "BETTER_AUTH_RESOURCE", "https://api.example.com",
                "BETTER_AUTH_INTROSPECTION_CLIENT_ID", "rs",
                "BETTER_AUTH_INTROSPECTION_CLIENT_SECRET", TestVerifiers.SECRET,
                "BETTER_AUTH_INTROSPECTION_AUTH_METHOD", "client_secret_post",
                "BETTER_AUTH_ACCEPT_MISSING_AUDIENCE", "true",
                "BETTER_AUTH_INTROSPECTION_CACHE_TTL", "10s"))) {

            assertThat(verifier.protectedResource()).hasValueSatisfying(resource -> {
                assertThat(resource.resource()).isEqualTo("https://api.example.com");
                assertThat(resource.authorizationServer()).isEqualTo("https://app.example.com/api/auth");
                assertThat(resource.dpopAlgorithms()).containsExactly("EdDSA", "ES256", "ES512", "PS256", "RS256");
            });
            assertThat(verifier.toString()).contains("resource=https://api.example.com")
                    .contains("introspection=discovered from https://app.example.com/api/auth/.well-known/"
                            + "oauth-authorization-server").doesNotContain(TestVerifiers.SECRET);
        }
    }

    @Test
    void theIssuerFollowsTheBasePath() {
        try (BetterAuthVerifier verifier = TestVerifiers.builder(KEY).basePath("/auth")
                .accessTokens(tokens -> tokens.resource("urn:tasks")).build()) {
            assertThat(verifier.protectedResource().orElseThrow().authorizationServer())
                    .isEqualTo(TestVerifiers.ISSUER + "/auth");
        }
    }

    @Test
    void withoutAResourceThereIsNoProtectedResource() {
        assertThat(TestVerifiers.verifier(KEY).protectedResource()).isEmpty();
    }
}

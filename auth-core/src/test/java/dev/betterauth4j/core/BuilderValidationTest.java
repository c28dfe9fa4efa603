package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;

import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every option is checked at build time, with a message that names it. */
class BuilderValidationTest {

    private static final URI BASE = URI.create("https://auth.example.com");

    private static BetterAuthVerifierBuilder base() {
        return BetterAuthVerifier.builder().baseUrl(BASE);
    }

    @Test
    void derivesJwksUrlIssuerAndAudienceFromTheBaseUrl() {
        assertThat(base().build().toString())
                .contains("JWKS https://auth.example.com/api/auth/jwks")
                .contains("issuer=https://auth.example.com")
                .contains("audiences=[https://auth.example.com]")
                .contains("EdDSA", "ES256", "ES512", "RS256", "PS256")
                .doesNotContain("HS256");
    }

    @Test
    void normalisesTheBaseUrlToItsOriginLikeBetterAuth() {
        assertThat(BetterAuthVerifier.builder().baseUrl(URI.create("HTTPS://Auth.Example.com:443/")).build().toString())
                .contains("issuer=https://auth.example.com,");
    }

    @Test
    void overridesJwksUrlIssuerAndAudiences() {
        String description = base().jwksUrl(URI.create("https://cdn.example.com/.well-known/jwks.json"))
                .issuer("https://issuer.example").audiences("api-one", "api-two").build().toString();

        assertThat(description).contains("JWKS https://cdn.example.com/.well-known/jwks.json")
                .contains("issuer=https://issuer.example").contains("audiences=[api-one, api-two]");
    }

    @Test
    void requiresAKeySource() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().issuer("i").audiences("a").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No key source").hasMessageContaining("BETTER_AUTH_URL");
    }

    @Test
    void requiresAnIssuerWithoutABaseUrl() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().sharedSecret(SECRET).audiences("a").build())
                .hasMessageContaining("issuer is required");
    }

    @Test
    void requiresAudiencesWithoutABaseUrl() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().sharedSecret(SECRET).issuer("i").build())
                .hasMessageContaining("audiences are required");
    }

    @Test
    void refusesBlankAudiences() {
        assertThatThrownBy(() -> base().audiences("ok", " ").build()).hasMessageContaining("blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com/api/auth", "https://auth.example.com?x=1",
            "https://user:pw@auth.example.com", "ftp://auth.example.com", "auth.example.com", "/relative"})
    void refusesABaseUrlThatIsNotAnHttpOrigin(String url) {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().baseUrl(URI.create(url)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl (BETTER_AUTH_URL)");
    }

    @Test
    void refusesBothAStaticKeySetAndAJwksUrl() {
        assertThatThrownBy(() -> base().jwks(SigningKey.of("EdDSA").jwkSet())
                .jwksUrl(URI.create("https://x.example/jwks")).build()).hasMessageContaining("choose one");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> base().sharedSecret("short-secret").build())
                .hasMessageContaining("BETTER_AUTH_SECRET").hasMessageContaining("32 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void refusesBetterAuthsPublicDefaultSecret() {
        assertThatThrownBy(() -> base().sharedSecret("better-auth-secret-12345678901234567890").build())
                .hasMessageContaining("public default secret");
    }

    @Test
    void refusesASecretTooShortForTheAllowedHmacAlgorithm() {
        assertThatThrownBy(() -> base().sharedSecret(SECRET).algorithms("HS512").build())
                .hasMessageContaining("64 bytes").hasMessageNotContaining(SECRET);
    }

    @Test
    void refusesHmacWithoutASecret() {
        assertThatThrownBy(() -> base().algorithms("HS256").build())
                .hasMessageContaining("HS256 needs sharedSecret");
    }

    @Test
    void refusesAsymmetricAlgorithmsWithoutAKeySet() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().sharedSecret(SECRET).issuer("i").audiences("a")
                .algorithms("RS256").build()).hasMessageContaining("RS256 needs a key set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", "ES256K", "Ed448", "RSA-OAEP", "dir", ""})
    void refusesAlgorithmsItCannotOrMustNotVerify(String algorithm) {
        assertThatThrownBy(() -> base().algorithms(algorithm).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
    }

    @Test
    void refusesAnEmptyAlgorithmList() {
        assertThatThrownBy(() -> base().algorithms().build()).hasMessageContaining("at least one");
    }

    @Test
    void refusesANegativeOrHugeClockSkew() {
        assertThatThrownBy(() -> base().clockSkew(Duration.ofSeconds(-1)).build()).hasMessageContaining("clockSkew");
        assertThatThrownBy(() -> base().clockSkew(Duration.ofHours(1)).build()).hasMessageContaining("clockSkew");
    }

    @Test
    void refusesAnUnreasonableMaxTokenLength() {
        assertThatThrownBy(() -> base().maxTokenLength(10).build()).hasMessageContaining("maxTokenLength");
        assertThatThrownBy(() -> base().maxTokenLength(1 << 20).build()).hasMessageContaining("maxTokenLength");
    }

    @Test
    void refusesJwksCacheSettingsThatContradictEachOther() {
        assertThatThrownBy(() -> base()
                .keySet(keys -> keys.cacheTtl(Duration.ofSeconds(10)).refreshRateLimit(Duration.ofSeconds(10)))
                .build()).hasMessageContaining("keySet.refreshRateLimit");
        assertThatThrownBy(() -> base()
                .keySet(keys -> keys.cacheTtl(Duration.ofSeconds(10)).refreshRateLimit(Duration.ofSeconds(1))
                .refreshAhead(Duration.ofSeconds(5)))
                .build()).hasMessageContaining("keySet.refreshAhead");
        assertThatThrownBy(() -> base().keySet(keys -> keys.cacheTtl(Duration.ofMillis(10))).build())
                .hasMessageContaining("keySet.cacheTtl");
        assertThatThrownBy(() -> base().http(http -> http.readTimeout(Duration.ofMinutes(10))).build())
                .hasMessageContaining("http.readTimeout");
        assertThatThrownBy(() -> base().keySet(keys -> keys.sizeLimit(10)).build())
                .hasMessageContaining("keySet.sizeLimit");
    }

    @Test
    void describesItselfWithoutTheSecret() {
        BetterAuthVerifier verifier = base().sharedSecret(SECRET).build();

        assertThat(verifier.toString()).contains("shared secret").doesNotContain(SECRET);
    }
}

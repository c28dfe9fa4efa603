package dev.betterauth4j.core;

import dev.betterauth4j.core.settings.SettingType;
import dev.betterauth4j.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code fromProperties} and {@code fromEnvironment}: BETTER_AUTH_* settings read through the configuration table. */
class VerifierPropertiesTest {

    @Test
    void buildsFromTheBaseUrlAlone() {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "https://auth.example.com"));

        assertThat(verifier.toString()).contains("JWKS https://auth.example.com/api/auth/jwks")
                .contains("issuer=https://auth.example.com");
    }

    @Test
    void readsEverySetting() {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com",
                "BETTER_AUTH_JWKS_URL", "https://cdn.example.com/.well-known/jwks.json",
                "BETTER_AUTH_SECRET", SECRET,
                "BETTER_AUTH_ISSUER", "https://issuer.example",
                "BETTER_AUTH_AUDIENCE", "api-one, api-two",
                "BETTER_AUTH_ALGORITHMS", "EdDSA,RS256 , HS256",
                "BETTER_AUTH_CLOCK_SKEW", "30",
                "BETTER_AUTH_MAX_TOKEN_LENGTH", "4096",
                "BETTER_AUTH_JWKS_CACHE_TTL", "10m",
                "BETTER_AUTH_TOKEN_CACHE_SIZE", "5000"));

        assertThat(verifier.toString())
                .contains("JWKS https://cdn.example.com/.well-known/jwks.json and shared secret")
                .contains("issuer=https://issuer.example")
                .contains("audiences=[api-one, api-two]")
                .contains("algorithms=[EdDSA, RS256, HS256]")
                .contains("clockSkew=PT30S")
                .contains("tokenCache=5000")
                .doesNotContain(SECRET);
    }

    @Test
    void treatsBlankValuesAsUnset() {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_SECRET", "", "BETTER_AUTH_ISSUER", "  "));

        assertThat(verifier.toString()).doesNotContain("shared secret").contains("issuer=https://auth.example.com");
    }

    @Test
    void ignoresOtherKeys() {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_TRUSTED_ORIGINS", "x", "PATH", "/bin"));

        assertThat(verifier).isNotNull();
    }

    @Test
    void namesTheSettingWhenNothingIsConfigured() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_URL");
    }

    @Test
    void namesTheSettingOfAMalformedValue() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "https://auth.example.com",
                "BETTER_AUTH_CLOCK_SKEW", "soon"))).hasMessageStartingWith("BETTER_AUTH_CLOCK_SKEW");
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "https://auth.example.com",
                "BETTER_AUTH_MAX_TOKEN_LENGTH", "big"))).hasMessageStartingWith("BETTER_AUTH_MAX_TOKEN_LENGTH");
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "not a url")))
                .hasMessageStartingWith("BETTER_AUTH_URL");
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "https://auth.example.com",
                "BETTER_AUTH_ALLOW_INSECURE_HTTP", "maybe"))).hasMessageStartingWith("BETTER_AUTH_ALLOW_INSECURE_HTTP");
    }

    @Test
    void neverEchoesTheSecretInAnError() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "https://auth.example.com",
                "BETTER_AUTH_SECRET", "too-short-secret")))
                .hasMessageContaining("BETTER_AUTH_SECRET").hasMessageNotContaining("too-short-secret");
    }

    @Test
    void readsDurationsInSecondsUnitsOrIso8601() {
        assertThat(SettingType.DURATION.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(SettingType.DURATION.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SettingType.DURATION.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(SettingType.DURATION.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SettingType.DURATION.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void allowsPlainHttpOnlyWhenTheSettingSaysSo() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "http://auth:3000")))
                .hasMessageContaining("BETTER_AUTH_ALLOW_INSECURE_HTTP");
        assertThat(BetterAuthVerifier.fromProperties(Map.of("BETTER_AUTH_URL", "http://auth:3000",
                "BETTER_AUTH_ALLOW_INSECURE_HTTP", "true")).toString()).contains("http://auth:3000/api/auth/jwks");
    }

    @Test
    void refusesAMisspelledSettingNamingTheClosestKnownOne() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_AUDIENCES", "https://api.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETTER_AUTH_AUDIENCES")
                .hasMessageContaining("did you mean BETTER_AUTH_AUDIENCE?");
    }

    @Test
    void refusesAnyUnknownSettingGivenAsProperties() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromProperties(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_PLUGIN_FLAG", "on")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETTER_AUTH_PLUGIN_FLAG is not a setting");
    }

    @Test
    void theEnvironmentMayHoldBetterAuthsOwnVariables() {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromEnvironment(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_SECRETS",
                "2:" + SECRET + ",1:an-older-secret-an-older-secret-an-older",
                "BETTER_AUTH_TELEMETRY", "0", "BETTER_AUTH_TELEMETRY_DEBUG", "1",
                "BETTER_AUTH_TRUSTED_ORIGINS", "https://app.example.com"));

        assertThat(verifier.toString()).contains("issuer=https://auth.example.com");
    }

    @Test
    void theEnvironmentRefusesAMisspelledSetting() {
        assertThatThrownBy(() -> BetterAuthVerifier.fromEnvironment(Map.of(
                "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_AUDIENCES", "https://api.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean BETTER_AUTH_AUDIENCE?");
    }

    @Test
    void theEnvironmentIgnoresAnUnrelatedUnknownVariableWithAWarning() {
        try (LogCapture log = LogCapture.start()) {
            BetterAuthVerifier verifier = BetterAuthVerifier.fromEnvironment(Map.of(
                    "BETTER_AUTH_URL", "https://auth.example.com", "BETTER_AUTH_PLUGIN_FLAG", "on"));

            assertThat(verifier).isNotNull();
            assertThat(log.count(java.util.logging.Level.WARNING, "BETTER_AUTH_PLUGIN_FLAG")).isEqualTo(1);
        }
    }
}

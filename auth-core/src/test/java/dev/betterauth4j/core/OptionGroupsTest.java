package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The builder's groups of options: in code, giving the options of a kind of credential turns that kind on (or, for
 * access tokens, needs its resource); in the environment, only a kind's own switch does, so a tuning variable left over
 * in a deployment never turns a credential on by itself.
 */
class OptionGroupsTest {

    private static final SigningKey KEY = SigningKey.of("EdDSA");

    @Test
    void sessionOptionsTurnSessionCredentialsOn() {
        try (BetterAuthVerifier verifier = TestVerifiers.builder(KEY)
                .sessions(session -> session.cacheTtl(Duration.ofSeconds(10))).build()) {
            assertThat(verifier.sessionCookieNames()).isNotEmpty();
            assertThat(verifier.toString()).contains("/get-session (cache PT10S");
        }
    }

    @Test
    void aSessionSettingAloneInTheEnvironmentLeavesSessionCredentialsOff() {
        try (BetterAuthVerifier verifier = BetterAuthVerifier.fromEnvironment(Map.of(
                "BETTER_AUTH_URL", TestVerifiers.ISSUER, "BETTER_AUTH_SESSION_CACHE_TTL", "10"))) {
            assertThat(verifier.sessionCookieNames()).isEmpty();
            assertThat(verifier.toString()).doesNotContain("get-session");
        }
    }

    @Test
    void cookieCacheOptionsTurnTheCookieCacheOnAndLeaveGetSessionOff() {
        try (BetterAuthVerifier verifier = TestVerifiers.builder(KEY).sharedSecret(TestVerifiers.SECRET)
                .cookieCache(cache -> cache.version("2")).build()) {
            assertThat(verifier.sessionCookieNames()).isNotEmpty();
            assertThat(verifier.toString()).contains("cookieCache=").doesNotContain("get-session");
        }
    }

    @Test
    void aCookieCacheVersionAloneInTheEnvironmentLeavesTheCookieCacheOff() {
        try (BetterAuthVerifier verifier = BetterAuthVerifier.fromEnvironment(Map.of("BETTER_AUTH_URL",
                TestVerifiers.ISSUER, "BETTER_AUTH_SECRET", TestVerifiers.SECRET,
                "BETTER_AUTH_COOKIE_CACHE_VERSION", "2"))) {
            assertThat(verifier.sessionCookieNames()).isEmpty();
            assertThat(verifier.toString()).doesNotContain("cookieCache=");
        }
    }

    @Test
    void accessTokenOptionsWithoutAResourceAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> TestVerifiers.builder(KEY)
                .accessTokens(tokens -> tokens.acceptMissingAudience(true)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessTokens(...) needs").hasMessageContaining("BETTER_AUTH_RESOURCE");
    }

    @Test
    void callsToAGroupAddUp() {
        try (BetterAuthVerifier verifier = TestVerifiers.builder(KEY)
                .accessTokens(tokens -> tokens.resource("https://api.example.com"))
                .accessTokens(tokens -> tokens.issuer("https://auth.example.com/oauth"))
                .sessions(session -> session.cacheTtl(Duration.ofSeconds(10)))
                .sessions(session -> session.cacheSize(100)).build()) {
            assertThat(verifier.protectedResource()).map(ProtectedResource::resource)
                    .contains("https://api.example.com");
            assertThat(verifier.toString()).contains("accessTokenIssuer=https://auth.example.com/oauth")
                    .contains("/get-session (cache PT10S");
        }
    }
}

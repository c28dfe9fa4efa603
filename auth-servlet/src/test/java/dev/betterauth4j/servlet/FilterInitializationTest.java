package dev.betterauth4j.servlet;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Set-up errors fail early, with a message that names the parameter or option. */
class FilterInitializationTest {

    /** A FilterConfig as a container builds it from web.xml. */
    private record Config(Map<String, String> parameters) implements FilterConfig {
        @Override
        public String getFilterName() {
            return "betterauth";
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getInitParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }

    private static ServletException initFailure(Map<String, String> parameters) {
        BetterAuthFilter filter = new BetterAuthFilter();
        try {
            filter.init(new Config(parameters));
        } catch (ServletException e) {
            return e;
        }
        filter.destroy();
        throw new AssertionError("init did not fail for " + parameters);
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("BETTER_AUTH_URL", "https://auth.example.com");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void initialisesFromTheBaseUrlAlone() throws ServletException {
        BetterAuthFilter filter = new BetterAuthFilter();
        filter.init(new Config(with()));

        assertThat(filter.toString()).contains("https://auth.example.com/api/auth/jwks");
        filter.destroy();
    }

    @Test
    void turnsOnTheVerifiedTokenCacheByAnInitParameter() throws ServletException {
        BetterAuthFilter filter = new BetterAuthFilter();
        filter.init(new Config(with("BETTER_AUTH_TOKEN_CACHE_SIZE", "10000")));

        assertThat(filter.toString()).contains("tokenCache=10000");
        filter.destroy();
    }

    @Test
    void failsWithoutAnyVerifierSetting() {
        assertThat(initFailure(Map.of()).getMessage()).contains("BETTER_AUTH_URL");
    }

    @Test
    void namesAnInvalidVerifierSetting() {
        assertThat(initFailure(with("BETTER_AUTH_CLOCK_SKEW", "forever")).getMessage())
                .contains("BETTER_AUTH_CLOCK_SKEW");
    }

    @Test
    void namesAnUnknownParameter() {
        assertThat(initFailure(with("publicPath", "/health")).getMessage()).contains("'publicPath'");
    }

    @Test
    void namesTheClosestFilterOptionToAnUnknownParameter() {
        assertThat(initFailure(with("publicPath", "/health")).getMessage()).contains("did you mean 'publicPaths'?");
    }

    @Test
    void failsOnAMisspelledVerifierSettingNamingTheClosestKnownOne() {
        assertThat(initFailure(with("BETTER_AUTH_AUDIENCES", "https://api.example.com")).getMessage())
                .contains("BETTER_AUTH_AUDIENCES").contains("did you mean BETTER_AUTH_AUDIENCE?");
    }

    @Test
    void failsOnAnyUnknownVerifierSetting() {
        assertThat(initFailure(with("BETTER_AUTH_SOMETHING_ELSE", "x")).getMessage())
                .contains("BETTER_AUTH_SOMETHING_ELSE is not a setting");
    }

    @Test
    void refusesTheOldSpellingsOfRenamedOptionsNamingTheNewOnes() {
        assertThat(initFailure(with("cookieName", "token")).getMessage()).contains("did you mean 'cookie'?");
        assertThat(initFailure(with("retryAfterSeconds", "5")).getMessage()).contains("did you mean 'retryAfter'?");
    }

    @Test
    void readsBooleansTheSameWayAsTheVerifier() throws ServletException {
        BetterAuthFilter filter = new BetterAuthFilter();
        filter.init(new Config(with("optional", "yes")));

        assertThat(filter.toString()).contains("optional=true");
        filter.destroy();
    }

    @Test
    void namesAnInvalidFilterOption() {
        assertThat(initFailure(with("optional", "sometimes")).getMessage()).contains("optional");
        assertThat(initFailure(with("publicPaths", "health")).getMessage()).contains("publicPaths");
        assertThat(initFailure(with("publicPaths", "/a/*/b")).getMessage()).contains("publicPaths");
        assertThat(initFailure(with("retryAfter", "0")).getMessage()).contains("retryAfter");
        assertThat(initFailure(with("retryAfter", "soon")).getMessage()).contains("retryAfter");
        assertThat(initFailure(with("realm", "a\"b")).getMessage()).contains("realm");
        assertThat(initFailure(with("cookie", "a;b")).getMessage()).contains("cookie");
        assertThat(initFailure(with("errorWriter", "com.example.Missing")).getMessage()).contains("errorWriter");
        assertThat(initFailure(with("listener", String.class.getName())).getMessage()).contains("listener");
    }

    @Test
    void neverPutsTheSecretInAnInitFailure() {
        assertThat(initFailure(with("BETTER_AUTH_SECRET", "short-but-secret")).getMessage())
                .contains("BETTER_AUTH_SECRET").doesNotContain("short-but-secret");
    }

    @Test
    void aFilterBuiltInCodeIgnoresInitParameters() throws ServletException {
        BetterAuthFilter filter = BetterAuthFilter.builder(FilterContractTest.verifier()).realm("code").build();
        filter.init(new Config(Map.of("nonsense", "x")));

        assertThat(filter.toString()).contains("realm=code");
    }

    @Test
    void theBuilderChecksItsOptions() {
        assertThatThrownBy(() -> BetterAuthFilter.builder(FilterContractTest.verifier()).retryAfter(Duration.ZERO).build())
                .hasMessageContaining("retryAfter");
        assertThatThrownBy(() -> BetterAuthFilter.builder(FilterContractTest.verifier()).publicPaths("x").build())
                .hasMessageContaining("publicPaths");
    }

    @Test
    void sanitisesErrorDescriptionsForTheChallengeHeader() {
        assertThat(RefusalWriter.headerSafe("a\"b\\c\nd")).isEqualTo("a b c d");
    }
}

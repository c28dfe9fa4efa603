package dev.betterauth4j.spring.environment;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingType;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.spring.boot.BetterAuthProperties;
import dev.betterauth4j.spring.filtered.PlainApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.context.support.StandardServletEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The very {@code BETTER_AUTH_*} variables a Better Auth deployment has configure the starter, through Spring's
 * relaxed binding of the process environment: each test gives the application an environment whose
 * {@code systemEnvironment} property source (Spring's {@link SystemEnvironmentPropertySource}, as for
 * {@code System.getenv()}) holds the variables, and no property of its own.
 */
class EnvironmentVariablesTest {

    /** Every setting's variable, with a value of its type, binds to its property. */
    @Test
    void everySettingBindsFromItsEnvironmentVariable() {
        Map<String, Object> variables = new HashMap<>();
        List<Setting<?, ?>> settings = new ArrayList<>(BetterAuthVerifier.settings());
        settings.addAll(BetterAuthFilter.settings());
        for (Setting<?, ?> setting : settings) {
            variables.put(variable(setting), sample(setting));
        }
        StandardEnvironment environment = environmentWith(variables);

        BetterAuthProperties bound = Binder.get(environment).bind(BetterAuthProperties.PREFIX,
                BetterAuthProperties.class).get();

        for (Setting<?, ?> setting : settings) {
            assertThat(componentValue(bound, setting)).as(variable(setting)).isNotNull();
        }
        assertThat(bound.url()).hasToString("https://app.example.com");
        assertThat(bound.jwksUrl()).hasToString("https://app.example.com");
        assertThat(bound.sessionCacheTtl()).isEqualTo(Duration.ofSeconds(45));
        assertThat(bound.audience()).containsExactly("https://a.example", "https://b.example");
        assertThat(bound.publicPaths()).containsExactly("https://a.example", "https://b.example");
    }

    /** An application started with nothing but BETTER_AUTH_URL and BETTER_AUTH_PUBLIC_PATHS in its environment. */
    @Test
    void anApplicationConfiguredByTheEnvironmentAloneVerifiesTokens() {
        StandardEnvironment environment = environmentWith(Map.of(
                "BETTER_AUTH_URL", BetterAuthStandIn.keys().baseUrl().toString(),
                "BETTER_AUTH_PUBLIC_PATHS", "/health",
                "BETTER_AUTH_CLOCK_SKEW", "30",
                "SERVER_PORT", "0"));
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(PlainApplication.class)
                .resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security.")))
                .environment(environment)
                .run()) {
            Http http = new Http(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));

            assertThat(application.getBean(BetterAuthVerifier.class).toString()).contains("clockSkew=PT30S");
            assertThat(http.getWith("/api/me", BetterAuthStandIn.token().sign()).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/me").statusCode()).isEqualTo(401);
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
        }
    }

    /**
     * A misspelt variable does not pass silently, as with {@code BetterAuthVerifier.fromEnvironment}: Spring would
     * bind nothing from it, and the audience would quietly be the default.
     */
    @Test
    void aMisspeltVariableStopsTheApplication() {
        StandardEnvironment environment = environmentWith(Map.of(
                "BETTER_AUTH_URL", BetterAuthStandIn.keys().baseUrl().toString(),
                "BETTER_AUTH_AUDIENCES", "https://api.example.com",
                "BETTER_AUTH_TELEMETRY", "false",
                "SERVER_PORT", "0"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(PlainApplication.class)
                .resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security.")))
                .environment(environment)
                .run().close())
                .hasStackTraceContaining("BETTER_AUTH_AUDIENCES is not a setting of betterauth4j; did you mean"
                        + " better.auth.audience / BETTER_AUTH_AUDIENCE?");
    }

    /** A servlet environment whose process environment is {@code variables}. */
    static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardServletEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                super.customizePropertySources(sources);
                sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            }
        };
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static String variable(Setting<?, ?> setting) {
        return setting.key() != null ? setting.key()
                : "BETTER_AUTH_" + setting.name().replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
    }

    /** The value of a setting's record component, through its accessor. */
    private static Object componentValue(BetterAuthProperties properties, Setting<?, ?> setting) {
        String[] words = variable(setting).substring("BETTER_AUTH_".length()).toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        try {
            return BetterAuthProperties.class.getMethod(name.toString()).invoke(properties);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no accessor " + name + " for " + variable(setting), e);
        }
    }

    private static String sample(Setting<?, ?> setting) {
        SettingType<?> type = setting.type();
        if (type == SettingType.URI) {
            return "https://app.example.com";
        }
        if (type == SettingType.DURATION) {
            return "45";
        }
        if (type == SettingType.INTEGER) {
            return "64";
        }
        if (type == SettingType.BOOLEAN) {
            return "true";
        }
        if (type == SettingType.LIST) {
            return "https://a.example,https://b.example";
        }
        if (setting.name().equals("errorWriter")) {
            return "dev.betterauth4j.spring.environment.PlainTextErrorWriter";
        }
        if (setting.name().equals("listener")) {
            return "dev.betterauth4j.spring.environment.CountingListener";
        }
        return "some-text";
    }
}

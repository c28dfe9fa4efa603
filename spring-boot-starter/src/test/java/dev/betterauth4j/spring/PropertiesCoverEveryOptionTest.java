package dev.betterauth4j.spring;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingType;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.spring.boot.BetterAuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BetterAuthProperties} has one property, a record component, for every row of the verifier's and the filter's
 * configuration tables (read through their public accessors, {@link BetterAuthVerifier#settings()} and
 * {@link BetterAuthFilter#settings()}), named after the row's {@code BETTER_AUTH_*} variable, of the row's type, and
 * none more; and the configuration metadata that IDEs read describes each. A new option in either table fails this
 * test until it has its property.
 */
class PropertiesCoverEveryOptionTest {

    private static final Map<SettingType<?>, Class<?>> JAVA_TYPES = Map.of(SettingType.URI, URI.class,
            SettingType.TEXT, String.class, SettingType.SECRET, String.class, SettingType.LIST, List.class,
            SettingType.DURATION, Duration.class, SettingType.INTEGER, Integer.class, SettingType.BOOLEAN,
            Boolean.class);

    /** The property each row must have: {@code BETTER_AUTH_JWKS_URL} is {@code jwks-url}, {@code publicPaths} is {@code public-paths}. */
    static Map<String, Setting<?, ?>> expectedProperties() {
        Map<String, Setting<?, ?>> expected = new TreeMap<>();
        for (Setting<?, ?> setting : BetterAuthVerifier.settings()) {
            expected.put(setting.key().substring("BETTER_AUTH_".length()).toLowerCase(Locale.ROOT).replace('_', '-'),
                    setting);
        }
        for (Setting<?, ?> setting : BetterAuthFilter.settings()) {
            expected.put(setting.name().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT), setting);
        }
        return expected;
    }

    /** The record's components, each the constructor parameter Spring Boot binds a property to, by property. */
    private static Map<String, RecordComponent> actualProperties() {
        Map<String, RecordComponent> actual = new TreeMap<>();
        for (RecordComponent component : BetterAuthProperties.class.getRecordComponents()) {
            actual.put(component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT), component);
        }
        return actual;
    }

    /** A setting's variable: its key, or {@code BETTER_AUTH_} and its property in capitals ({@code publicPaths}). */
    private static String variable(String property, Setting<?, ?> setting) {
        return setting.key() != null ? setting.key()
                : "BETTER_AUTH_" + property.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Test
    void thereIsExactlyOnePropertyPerOptionOfBothTables() {
        assertThat(actualProperties().keySet()).isEqualTo(expectedProperties().keySet());
    }

    @Test
    void eachPropertyHasItsOptionsType() {
        Map<String, RecordComponent> actual = actualProperties();
        expectedProperties().forEach((name, setting) -> {
            // A type of the module's own (scope rules, a class name) is bound as text and parsed by the setting.
            Class<?> expected = JAVA_TYPES.getOrDefault(setting.type(),
                    isClassSetting(setting) ? Class.class : String.class);
            assertThat(actual.get(name).getType()).as(name).isEqualTo(expected);
        });
    }

    /** The filter's error writer and listener are named by class, as in web.xml. */
    private static boolean isClassSetting(Setting<?, ?> setting) {
        return setting.name().equals("errorWriter") || setting.name().equals("listener");
    }

    @Test
    void theGeneratedMetadataDescribesEachPropertyAndNamesItsVariable() throws Exception {
        Map<String, Object> metadata = null;
        // Every jar with configuration properties has such a file; the starter's is the one of group better.auth.
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                Map<String, Object> candidate = JSONObjectUtils.parse(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
                if (String.valueOf(candidate.get("groups")).contains("name=better.auth,")) {
                    metadata = candidate;
                }
            }
        }
        assertThat(metadata).as("the starter's spring-configuration-metadata.json").isNotNull();
        Map<String, String> descriptions = new HashMap<>();
        for (Object property : (List<?>) metadata.get("properties")) {
            Map<?, ?> entry = (Map<?, ?>) property;
            descriptions.put((String) entry.get("name"), (String) entry.get("description"));
        }
        Set<String> names = new TreeSet<>();
        expectedProperties().forEach((name, setting) -> {
            String property = BetterAuthProperties.PREFIX + "." + name;
            names.add(property);
            assertThat(descriptions.get(property)).as(property).isNotBlank();
            // Its own description, not a neighbour's: the configuration processor takes a record component's from the
            // first @param tag that begins with its name (cookie's from cookiePrefix's, were that tag first).
            assertThat(descriptions.get(property)).as(property)
                    .endsWith(" Environment: " + variable(name, setting) + ".");
            // The record's @param tags copy the verifier table's descriptions for IDEs; they must not drift from them.
            // (The filter's options are described for Spring: a bean in place of a class, Spring Security's rules.)
            if (BetterAuthVerifier.settings().contains(setting)) {
                assertThat(descriptions.get(property)).as(property)
                        .startsWith(setting.description().replace("`", "") + ".");
            }
        });
        assertThat(new TreeSet<>(descriptions.keySet())).isEqualTo(names);
    }

    @Test
    void noPropertyHasADefaultThatCouldDisagreeWithTheLibrarys() {
        // What Spring Boot creates when no better.auth.* property is set at all.
        BetterAuthProperties unset = new Binder().bindOrCreate(BetterAuthProperties.PREFIX,
                BetterAuthProperties.class);
        List<String> set = new ArrayList<>();
        for (RecordComponent component : BetterAuthProperties.class.getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(unset) != null) {
                    set.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(set).as("properties with a value of their own before binding").isEmpty();
        assertThat(unset).hasToString("BetterAuthProperties[]");
    }

    @Test
    void toStringMasksTheSecrets() {
        BetterAuthProperties bound = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "better.auth.url", "https://app.example.com",
                "better.auth.secret", "first-secret-of-at-least-32-bytes!",
                "better.auth.secrets", "2:second-secret-of-at-least-32-bytes,1:third",
                "better.auth.introspection-client-secret", "fourth-secret",
                "better.auth.public-paths", "/health,/public/*")))).bind(BetterAuthProperties.PREFIX,
                BetterAuthProperties.class).get();

        assertThat(bound.toString()).doesNotContain("secret-", "third")
                .contains("url=https://app.example.com", "secret=****", "secrets=****",
                        "introspectionClientSecret=****", "publicPaths=[/health, /public/*]");
    }

    @Test
    void toStringMasksThePasswordOfAUrl() {
        BetterAuthProperties bound = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "better.auth.jwks-url", "https://reader:hunter2-password@auth.example.com/api/auth/jwks"))))
                .bind(BetterAuthProperties.PREFIX, BetterAuthProperties.class).get();

        assertThat(bound.toString()).doesNotContain("hunter2", "reader")
                .contains("jwksUrl=https://****@auth.example.com/api/auth/jwks");
    }
}

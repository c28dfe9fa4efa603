package dev.betterauth4j.spring;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingType;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.spring.boot.BetterAuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
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
 * {@link BetterAuthProperties} has one property for every row of the verifier's and the filter's configuration tables
 * (read through their public accessors, {@link BetterAuthVerifier#settings()} and {@link BetterAuthFilter#settings()}),
 * named after the row's {@code BETTER_AUTH_*} variable, of the row's type, and none more; and the configuration
 * metadata that IDEs read describes each. A new option in either table fails this test until it has its property.
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

    private static Map<String, PropertyDescriptor> actualProperties() {
        Map<String, PropertyDescriptor> actual = new TreeMap<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(BetterAuthProperties.class)) {
            if (property.getWriteMethod() != null) {
                actual.put(property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT), property);
            }
        }
        return actual;
    }

    @Test
    void thereIsExactlyOnePropertyPerOptionOfBothTables() {
        assertThat(actualProperties().keySet()).isEqualTo(expectedProperties().keySet());
    }

    @Test
    void eachPropertyHasItsOptionsType() {
        Map<String, PropertyDescriptor> actual = actualProperties();
        expectedProperties().forEach((name, setting) -> {
            // A type of the module's own (scope rules, a class name) is bound as text and parsed by the setting.
            Class<?> expected = JAVA_TYPES.getOrDefault(setting.type(),
                    isClassSetting(setting) ? Class.class : String.class);
            assertThat(actual.get(name).getPropertyType()).as(name).isEqualTo(expected);
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
            if (setting.key() != null) {
                assertThat(descriptions.get(property)).as(property).contains(setting.key());
            }
        });
        assertThat(new TreeSet<>(descriptions.keySet())).isEqualTo(names);
    }

    @Test
    void noPropertyHasADefaultThatCouldDisagreeWithTheLibrarys() {
        BetterAuthProperties fresh = new BetterAuthProperties();
        List<String> set = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(BetterAuthProperties.class)) {
            try {
                if (property.getWriteMethod() != null && property.getReadMethod().invoke(fresh) != null) {
                    set.add(property.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(set).as("properties with a value of their own before binding").isEmpty();
    }
}

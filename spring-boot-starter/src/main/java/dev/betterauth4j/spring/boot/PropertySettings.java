package dev.betterauth4j.spring.boot;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingSource;
import dev.betterauth4j.core.settings.SettingType;
import dev.betterauth4j.core.settings.SettingsReader;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.servlet.BetterAuthFilterBuilder;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gives the bound {@link BetterAuthProperties} to the verifier's and the filter's builders through their configuration
 * tables, so each option is read, checked and named in messages exactly as {@code fromEnvironment} and {@code web.xml}
 * do. A setting's property is named after its {@code BETTER_AUTH_*} key (a verifier option) or its builder name (a
 * filter option): {@code BETTER_AUTH_JWKS_URL} is {@code better.auth.jwks-url}, {@code publicPaths} is
 * {@code better.auth.public-paths}.
 */
final class PropertySettings {

    private static final String KEY_PREFIX = "BETTER_AUTH_";
    private static final Pattern KEY = Pattern.compile("BETTER_AUTH_[A-Z0-9_]+");

    private PropertySettings() {
    }

    /** The property of a setting, without the {@code better.auth.} prefix: {@code jwks-url}, {@code public-paths}. */
    static String propertyName(Setting<?, ?> setting) {
        if (setting.key() != null) {
            return setting.key().substring(KEY_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return setting.name().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** The component of {@link BetterAuthProperties} of a setting: {@code jwksUrl}, {@code publicPaths}. */
    static String componentName(Setting<?, ?> setting) {
        String[] words = propertyName(setting).split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** A verifier builder with every verifier property that is set. */
    static BetterAuthVerifierBuilder verifierBuilder(BetterAuthProperties properties) {
        Map<String, String> texts = texts(BetterAuthVerifier.settings(), properties, SettingSource.PROPERTIES);
        return readable(() -> SettingsReader.read(BetterAuthVerifier.settings(), texts, SettingSource.PROPERTIES,
                BetterAuthVerifier.builder()));
    }

    /** A filter builder around {@code verifier} with every filter property that is set. */
    static BetterAuthFilterBuilder filterBuilder(BetterAuthProperties properties, BetterAuthVerifier verifier) {
        Map<String, String> texts = texts(BetterAuthFilter.settings(), properties, SettingSource.INIT_PARAMETERS);
        return readable(() -> SettingsReader.read(BetterAuthFilter.settings(), texts, SettingSource.INIT_PARAMETERS,
                BetterAuthFilter.builder(verifier)));
    }

    /** Whether any property names a key source (a base URL, a key set URL or a secret). */
    static boolean namesAKeySource(BetterAuthProperties properties) {
        return properties.url() != null || properties.jwksUrl() != null || properties.secret() != null
                || properties.secrets() != null;
    }

    /**
     * Runs a step that reads or checks settings, and names the property as well as the variable in its message:
     * "clockSkew (BETTER_AUTH_CLOCK_SKEW) must be ..." becomes "... (better.auth.clock-skew, BETTER_AUTH_CLOCK_SKEW)".
     */
    static <T> T readable(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(withPropertyNames(e.getMessage()), e);
        }
    }

    static String withPropertyNames(String message) {
        if (message == null) {
            return null;
        }
        Matcher keys = KEY.matcher(message);
        StringBuilder named = new StringBuilder();
        while (keys.find()) {
            String key = keys.group();
            String property = BetterAuthProperties.PREFIX + "."
                    + key.substring(KEY_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
            keys.appendReplacement(named, Matcher.quoteReplacement(property + " / " + key));
        }
        keys.appendTail(named);
        return named.toString();
    }

    private static Map<String, String> texts(List<? extends Setting<?, ?>> table, BetterAuthProperties properties,
                                             SettingSource source) {
        Map<String, String> texts = new HashMap<>();
        for (Setting<?, ?> setting : table) {
            Object value = value(properties, component(componentName(setting)));
            if (value != null) {
                texts.put(source.nameOf(setting), text(setting, value));
            }
        }
        return texts;
    }

    /** The record component of that name; every setting has one (PropertiesCoverEveryOptionTest). */
    private static RecordComponent component(String name) {
        for (RecordComponent component : BetterAuthProperties.class.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        throw new IllegalStateException("BetterAuthProperties has no component " + name);
    }

    /** A component's value, through its accessor. */
    private static Object value(BetterAuthProperties properties, RecordComponent component) {
        try {
            return component.getAccessor().invoke(properties);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read BetterAuthProperties." + component.getName(), e);
        }
    }

    /**
     * {@link BetterAuthProperties#toString()}: the properties that are set, as {@code name=value}, the value of every
     * secret setting ({@code SettingType.SECRET}) masked.
     */
    static String describe(BetterAuthProperties properties) {
        Set<String> secrets = new HashSet<>();
        Stream.concat(BetterAuthVerifier.settings().stream(), BetterAuthFilter.settings().stream())
                .filter(setting -> setting.type() == SettingType.SECRET)
                .forEach(setting -> secrets.add(componentName(setting)));
        StringJoiner described = new StringJoiner(", ", "BetterAuthProperties[", "]");
        for (RecordComponent component : BetterAuthProperties.class.getRecordComponents()) {
            Object value = value(properties, component);
            if (value != null) {
                described.add(component.getName() + "=" + (secrets.contains(component.getName()) ? "****"
                        : value instanceof URI url && url.getRawUserInfo() != null ? withoutUserInfo(url) : value));
            }
        }
        return described.toString();
    }

    /** A URL as it may be printed: its user information (a password, often) masked. */
    private static String withoutUserInfo(URI url) {
        return url.toString().replace(url.getRawUserInfo() + "@", "****@");
    }

    /** A bound value as the setting's text: what {@link Setting#parse} reads back. */
    private static String text(Setting<?, ?> setting, Object value) {
        if (value instanceof Collection<?> values) {
            // A list setting splits at commas; other list-valued settings (rules) at line breaks.
            String separator = setting.type() == SettingType.LIST ? "," : "\n";
            return String.join(separator, values.stream().map(String::valueOf).toList());
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        return String.valueOf(value);
    }

    /**
     * Variables Better Auth itself reads that are no setting here (as {@code BetterAuthVerifier.fromEnvironment}
     * tolerates them): often in the same environment, so not typos.
     */
    static final Set<String> BETTER_AUTHS_OWN = Set.of("BETTER_AUTH_TELEMETRY", "BETTER_AUTH_TELEMETRY_DEBUG",
            "BETTER_AUTH_TELEMETRY_ENDPOINT", "BETTER_AUTH_TELEMETRY_ID");

    /**
     * Checks the process environment's {@code BETTER_AUTH_*} variables as {@code BetterAuthVerifier.fromEnvironment}
     * does, since Spring binds only the names it knows: one within three edits of a setting's variable
     * ({@code BETTER_AUTH_AUDIENCES}) fails as a misspelling, any other unknown one is named in a warning.
     *
     * @param variables the names of the environment's variables
     * @param warning   receives a warning
     * @throws IllegalArgumentException for a misspelling, naming the variable and the closest setting
     */
    static void checkVariableNames(Collection<String> variables, Consumer<String> warning) {
        Set<String> known = new TreeSet<>();
        for (Setting<?, ?> setting : BetterAuthVerifier.settings()) {
            known.add(variableName(setting));
        }
        for (Setting<?, ?> setting : BetterAuthFilter.settings()) {
            known.add(variableName(setting));
        }
        List<String> ours = variables.stream().filter(name -> name.startsWith(KEY_PREFIX)).toList();
        SettingsReader.checkNames(ours, known, BETTER_AUTHS_OWN, SettingSource.ENVIRONMENT, warning);
    }

    /** A setting's environment variable: its key, or {@code BETTER_AUTH_} and its property in capitals. */
    static String variableName(Setting<?, ?> setting) {
        return setting.key() != null ? setting.key()
                : KEY_PREFIX + propertyName(setting).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** For messages: every property a table's settings have, sorted. */
    static List<String> propertyNames(List<? extends Setting<?, ?>> table) {
        return table.stream().map(s -> BetterAuthProperties.PREFIX + "." + propertyName(s)).sorted().toList();
    }
}

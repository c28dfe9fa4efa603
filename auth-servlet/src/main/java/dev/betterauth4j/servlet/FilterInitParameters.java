package dev.betterauth4j.servlet;

import jakarta.servlet.FilterConfig;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filter's init parameters: {@code BETTER_AUTH_*} settings go to the verifier (through auth-core's
 * {@code fromProperties}), the rest are filter options. An unknown parameter fails {@code init}: a typo in a
 * security setting must not pass silently.
 */
final class FilterInitParameters {

    static final String PUBLIC_PATHS = "publicPaths";
    static final String OPTIONAL = "optional";
    static final String COOKIE_NAME = "cookieName";
    static final String REALM = "realm";
    static final String ROLE_CLAIM = "roleClaim";
    static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";
    static final String ERROR_WRITER_CLASS = "errorWriterClass";
    static final String LISTENER_CLASS = "listenerClass";

    private static final Set<String> FILTER_OPTIONS = Set.of(PUBLIC_PATHS, OPTIONAL, COOKIE_NAME, REALM, ROLE_CLAIM,
            RETRY_AFTER_SECONDS, ERROR_WRITER_CLASS, LISTENER_CLASS);
    private static final String VERIFIER_PREFIX = "BETTER_AUTH_";

    private final Map<String, String> verifierSettings;
    private final Map<String, String> options;

    private FilterInitParameters(Map<String, String> verifierSettings, Map<String, String> options) {
        this.verifierSettings = verifierSettings;
        this.options = options;
    }

    static FilterInitParameters read(FilterConfig config) {
        Map<String, String> verifier = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            String value = config.getInitParameter(name);
            if (name.startsWith(VERIFIER_PREFIX)) {
                verifier.put(name, value);
            } else if (FILTER_OPTIONS.contains(name)) {
                options.put(name, value == null ? "" : value.trim());
            } else {
                throw new IllegalArgumentException("unknown init parameter '" + name + "'; did you mean '"
                        + closest(name) + "'? Filter options are " + new TreeSet<>(FILTER_OPTIONS)
                        + ", verifier settings start with " + VERIFIER_PREFIX);
            }
        }
        return new FilterInitParameters(Map.copyOf(verifier), Map.copyOf(options));
    }

    /** The filter option with the fewest edits (Levenshtein) from {@code name}. */
    private static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : new TreeSet<>(FILTER_OPTIONS)) {
            int[] previous = new int[option.length() + 1];
            for (int j = 0; j <= option.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= name.length(); i++) {
                int[] current = new int[option.length() + 1];
                current[0] = i;
                for (int j = 1; j <= option.length(); j++) {
                    int substitution = previous[j - 1]
                            + (Character.toLowerCase(name.charAt(i - 1)) == Character.toLowerCase(option.charAt(j - 1))
                            ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                previous = current;
            }
            if (previous[option.length()] < bestDistance) {
                bestDistance = previous[option.length()];
                best = option;
            }
        }
        return best;
    }

    Map<String, String> verifierSettings() {
        return verifierSettings;
    }

    BetterAuthFilter.Builder apply(BetterAuthFilter.Builder builder) {
        String paths = options.get(PUBLIC_PATHS);
        if (paths != null && !paths.isEmpty()) {
            builder.publicPaths(Arrays.stream(paths.split("[,\\s]+")).filter(p -> !p.isEmpty()).toArray(String[]::new));
        }
        String optional = options.get(OPTIONAL);
        if (optional != null && !optional.isEmpty()) {
            builder.optional(bool(OPTIONAL, optional));
        }
        String cookie = options.get(COOKIE_NAME);
        if (cookie != null && !cookie.isEmpty()) {
            builder.cookie(cookie);
        }
        String realm = options.get(REALM);
        if (realm != null && !realm.isEmpty()) {
            builder.realm(realm);
        }
        String roleClaim = options.get(ROLE_CLAIM);
        if (roleClaim != null && !roleClaim.isEmpty()) {
            builder.roleClaim(roleClaim);
        }
        String retryAfter = options.get(RETRY_AFTER_SECONDS);
        if (retryAfter != null && !retryAfter.isEmpty()) {
            try {
                builder.retryAfter(Duration.ofSeconds(Long.parseLong(retryAfter)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RETRY_AFTER_SECONDS + ": '" + retryAfter + "' is not a whole number");
            }
        }
        String writer = options.get(ERROR_WRITER_CLASS);
        if (writer != null && !writer.isEmpty()) {
            builder.errorWriter(instantiate(ERROR_WRITER_CLASS, writer, AuthenticationErrorWriter.class));
        }
        String listener = options.get(LISTENER_CLASS);
        if (listener != null && !listener.isEmpty()) {
            builder.listener(instantiate(LISTENER_CLASS, listener, AuthenticationListener.class));
        }
        return builder;
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": '" + value + "' is not true or false");
        };
    }

    private static <T> T instantiate(String parameter, String className, Class<T> type) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> found = Class.forName(className, true, loader != null ? loader : type.getClassLoader());
            if (!type.isAssignableFrom(found)) {
                throw new IllegalArgumentException(parameter + ": " + className + " does not implement "
                        + type.getSimpleName());
            }
            return type.cast(found.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(parameter + ": cannot create " + className
                    + " with a public no-argument constructor (" + e.getClass().getSimpleName() + ")");
        }
    }
}

package dev.betterauth4j.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code BETTER_AUTH_*} settings (environment variables, servlet init parameters) into a builder.
 *
 * <p>Each malformed value is reported with its setting's name. The secret's value never appears in a message.
 */
final class VerifierProperties {

    static final String URL = "BETTER_AUTH_URL";
    static final String JWKS_URL = "BETTER_AUTH_JWKS_URL";
    static final String SECRET = "BETTER_AUTH_SECRET";
    static final String ISSUER = "BETTER_AUTH_ISSUER";
    static final String AUDIENCE = "BETTER_AUTH_AUDIENCE";
    static final String ALGORITHMS = "BETTER_AUTH_ALGORITHMS";
    static final String CLOCK_SKEW = "BETTER_AUTH_CLOCK_SKEW";
    static final String MAX_TOKEN_LENGTH = "BETTER_AUTH_MAX_TOKEN_LENGTH";
    static final String JWKS_CACHE_TTL = "BETTER_AUTH_JWKS_CACHE_TTL";
    static final String ALLOW_INSECURE_HTTP = "BETTER_AUTH_ALLOW_INSECURE_HTTP";
    static final String TOKEN_CACHE_SIZE = "BETTER_AUTH_TOKEN_CACHE_SIZE";

    static final String PREFIX = "BETTER_AUTH_";

    /** Every setting this library reads. */
    static final Set<String> KNOWN = Set.of(URL, JWKS_URL, SECRET, ISSUER, AUDIENCE, ALGORITHMS, CLOCK_SKEW,
            MAX_TOKEN_LENGTH, JWKS_CACHE_TTL, ALLOW_INSECURE_HTTP, TOKEN_CACHE_SIZE);

    /**
     * Variables Better Auth itself reads (better-auth 1.7's source) that this library does not: they are often in the
     * same environment, so they are not typos.
     */
    static final Set<String> BETTER_AUTHS_OWN = Set.of("BETTER_AUTH_SECRETS", "BETTER_AUTH_TRUSTED_ORIGINS",
            "BETTER_AUTH_TELEMETRY", "BETTER_AUTH_TELEMETRY_DEBUG", "BETTER_AUTH_TELEMETRY_ENDPOINT",
            "BETTER_AUTH_TELEMETRY_ID");

    /** In an environment, an unknown name this close to a known one is taken for a misspelling of it. */
    static final int MISSPELLING_DISTANCE = 3;

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    /** Where settings come from, which decides what an unknown {@code BETTER_AUTH_*} name means. */
    enum Source {
        /** Settings given on purpose (a map, init parameters): every unknown name is an error. */
        PROPERTIES,
        /** The process environment, shared with other programs: a likely misspelling is an error, others a warning. */
        ENVIRONMENT
    }

    private VerifierProperties() {
    }

    static BetterAuthVerifier.Builder apply(Map<String, String> properties, Source source,
                                            BetterAuthVerifier.Builder builder) {
        Objects.requireNonNull(properties, "properties");
        checkNames(properties, source);
        String url = value(properties, URL);
        if (url != null) {
            builder.baseUrl(uri(URL, url));
        }
        String jwksUrl = value(properties, JWKS_URL);
        if (jwksUrl != null) {
            builder.jwksUrl(uri(JWKS_URL, jwksUrl));
        }
        // The secret is taken as is (not trimmed): its exact bytes are the HMAC key.
        String secret = properties.get(SECRET);
        if (secret != null && !secret.isEmpty()) {
            builder.sharedSecret(secret);
        }
        String issuer = value(properties, ISSUER);
        if (issuer != null) {
            builder.issuer(issuer);
        }
        String audience = value(properties, AUDIENCE);
        if (audience != null) {
            builder.audiences(list(audience));
        }
        String algorithms = value(properties, ALGORITHMS);
        if (algorithms != null) {
            builder.algorithms(list(algorithms));
        }
        String skew = value(properties, CLOCK_SKEW);
        if (skew != null) {
            builder.clockSkew(duration(CLOCK_SKEW, skew));
        }
        String maxLength = value(properties, MAX_TOKEN_LENGTH);
        if (maxLength != null) {
            builder.maxTokenLength(integer(MAX_TOKEN_LENGTH, maxLength));
        }
        String ttl = value(properties, JWKS_CACHE_TTL);
        if (ttl != null) {
            builder.jwksCacheTtl(duration(JWKS_CACHE_TTL, ttl));
        }
        String insecure = value(properties, ALLOW_INSECURE_HTTP);
        if (insecure != null) {
            builder.allowInsecureHttp(bool(ALLOW_INSECURE_HTTP, insecure));
        }
        String cacheSize = value(properties, TOKEN_CACHE_SIZE);
        if (cacheSize != null) {
            builder.tokenCacheSize(integer(TOKEN_CACHE_SIZE, cacheSize));
        }
        return builder;
    }

    /**
     * Refuses unknown {@code BETTER_AUTH_*} names (see {@link Source}), naming the closest known one. Keys without
     * the prefix belong to someone else and are ignored.
     */
    private static void checkNames(Map<String, String> properties, Source source) {
        Set<String> unknown = new TreeSet<>();
        for (String name : properties.keySet()) {
            if (name.startsWith(PREFIX) && !KNOWN.contains(name) && !BETTER_AUTHS_OWN.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            String closest = closest(name, KNOWN);
            boolean misspelling = distance(name, closest) <= MISSPELLING_DISTANCE;
            if (source == Source.PROPERTIES || misspelling) {
                throw new IllegalArgumentException(name + " is not a setting of betterauth4j"
                        + (misspelling ? "; did you mean " + closest + "?" : "; the settings are " + new TreeSet<>(KNOWN)));
            }
            LOGGER.log(Level.WARNING, () -> "Ignoring the environment variable " + name + ": it is neither a"
                    + " betterauth4j setting nor one Better Auth reads");
        }
    }

    /** The name in {@code candidates} with the fewest edits from {@code name}. */
    static String closest(String name, Set<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt((String c) -> distance(name, c))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String value(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }

    private static URI uri(String name, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a valid URL");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Seconds ({@code 60}), seconds with a unit ({@code 60s}, {@code 5m}), or ISO-8601 ({@code PT1M}). */
    static Duration duration(String name, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a duration (use seconds such as 60,"
                    + " a unit such as 90s, 5m, 1h, or ISO-8601 such as PT1M)");
        }
    }

    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }

    static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(name + ": '" + value + "' is not true or false");
        };
    }
}

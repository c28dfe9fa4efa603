package dev.betterauth4j.demo;

import org.eclipse.jetty.server.handler.CrossOriginHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser origins that may call the demo from a page served by another origin (CORS), from
 * {@code CORS_ALLOWED_ORIGINS}: a comma-separated list of origins such as {@code https://app.example.com} or
 * {@code http://localhost:5173}, where {@code :*} as the port allows any port. Unset, CORS is off; dev mode always
 * allows {@code http://localhost:*} and {@code http://127.0.0.1:*}, so a front end on a dev server works at once.
 *
 * @param origins the allowed origins, in lower case, as configured
 */
record CorsOrigins(List<String> origins) {

    static final String VARIABLE = "CORS_ALLOWED_ORIGINS";
    static final List<String> DEV_MODE_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*");
    /** What a browser may send cross-origin: the API's methods, and the two headers a front end sets. */
    static final Set<String> ALLOWED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    static final Set<String> ALLOWED_HEADERS = Set.of("Authorization", "Content-Type");
    /** Headers a page may read besides the CORS-safelisted ones: the filter's challenge and the API's own. */
    static final Set<String> EXPOSED_HEADERS = Set.of("WWW-Authenticate", "Retry-After", "Location", "X-Total-Count",
            "Allow");
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

    /** scheme://host[:port]; an origin never has a path, query, fragment or user info. */
    private static final Pattern ORIGIN = Pattern.compile(
            "(https?)://([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+])"
                    + "(?::([0-9]{1,5}|\\*))?");

    CorsOrigins {
        origins = List.copyOf(origins);
    }

    /**
     * Reads {@code CORS_ALLOWED_ORIGINS}.
     *
     * @param value   the variable's value, or null when unset
     * @param devMode whether the loopback origins are allowed as well
     * @throws IllegalArgumentException naming the variable and the entry, if an entry is not an origin
     */
    static CorsOrigins parse(String value, boolean devMode) {
        Set<String> origins = new LinkedHashSet<>(devMode ? DEV_MODE_ORIGINS : List.of());
        if (value != null) {
            for (String entry : value.split(",", -1)) {
                String origin = entry.trim().toLowerCase(Locale.ROOT);
                if (origin.isEmpty()) {
                    continue;
                }
                if (origin.equals("*")) {
                    throw new IllegalArgumentException(VARIABLE + ": '*' is not accepted; list the origins of your"
                            + " front end, e.g. https://app.example.com,http://localhost:5173");
                }
                Matcher matcher = ORIGIN.matcher(origin);
                if (!matcher.matches() || !validPort(matcher.group(3))) {
                    throw new IllegalArgumentException(VARIABLE + ": '" + shorten(entry.trim()) + "' is not an origin;"
                            + " write scheme://host[:port] (http or https, no path, no trailing slash), e.g."
                            + " https://app.example.com or http://localhost:5173 (':*' allows any port)");
                }
                origins.add(origin);
            }
        }
        return new CorsOrigins(new ArrayList<>(origins));
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    /**
     * A Jetty {@link CrossOriginHandler} for these origins, to sit in front of the servlet context: it answers
     * preflight requests itself (they never reach the authentication filter or the API) and adds the CORS headers
     * to every other answer, the filter's 401, 403 and 503 included, so a page can read them.
     */
    CrossOriginHandler handler() {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(patterns());
        cors.setAllowedMethods(ALLOWED_METHODS);
        cors.setAllowedHeaders(ALLOWED_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        // Bearer tokens are sent by the page's script, not by the browser on its own: no cookies, no credentials.
        cors.setAllowCredentials(false);
        // Jetty's default, made explicit: a preflight is answered here, never passed on unauthenticated.
        cors.setDeliverPreflightRequests(false);
        cors.setPreflightMaxAge(PREFLIGHT_MAX_AGE);
        return cors;
    }

    /** The origins as the regular expressions {@link CrossOriginHandler} matches the whole {@code Origin} with. */
    Set<String> patterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (String origin : origins) {
            if (origin.endsWith(":*")) {
                // Any port, or none (the scheme's default).
                patterns.add(Pattern.quote(origin.substring(0, origin.length() - 2)) + "(?::[0-9]{1,5})?");
            } else {
                patterns.add(Pattern.quote(origin));
            }
        }
        return patterns;
    }

    private static boolean validPort(String port) {
        if (port == null || port.equals("*")) {
            return true;
        }
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65_535;
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}

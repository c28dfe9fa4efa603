package dev.betterauth4j.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's settings, from the environment.
 *
 * <ul>
 *   <li>{@code PORT} (default 8080; 0 picks a free port) and {@code HOST} (default {@code 127.0.0.1} in dev mode,
 *       {@code 0.0.0.0} otherwise);</li>
 *   <li>{@code DATABASE_URL} (default an H2 file database in {@code ./data}), {@code DATABASE_USER},
 *       {@code DATABASE_PASSWORD};</li>
 *   <li>every {@code BETTER_AUTH_*} variable, passed to {@code BetterAuthVerifier.fromEnvironment}. When none is
 *       present the demo runs in dev mode; when any is present (even empty) it never does;</li>
 *   <li>{@code CORS_ALLOWED_ORIGINS}: the origins of browser front ends that may call the demo (see
 *       {@link CorsOrigins}).</li>
 * </ul>
 *
 * @param host              the address to listen on
 * @param port              the port
 * @param databaseUrl       a JDBC URL, or a {@code postgres://user:password@host/db} URL
 * @param databaseUser      the database user, or null
 * @param databasePassword  the database password, or null
 * @param betterAuth        the {@code BETTER_AUTH_*} settings
 * @param cors              the origins allowed to call the demo from a browser (none: CORS is off)
 */
record DemoConfig(String host, int port, String databaseUrl, String databaseUser, String databasePassword,
                  Map<String, String> betterAuth, CorsOrigins cors) {

    static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/tasks";
    static final String BETTER_AUTH_PREFIX = "BETTER_AUTH_";

    DemoConfig {
        betterAuth = Map.copyOf(betterAuth);
    }

    static DemoConfig fromEnvironment(Map<String, String> env) {
        Map<String, String> betterAuth = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(BETTER_AUTH_PREFIX)) {
                betterAuth.put(name, value);
            }
        });
        boolean devMode = betterAuth.isEmpty();
        String host = value(env, "HOST", devMode ? "127.0.0.1" : "0.0.0.0");
        int port = port(value(env, "PORT", "8080"));
        return new DemoConfig(host, port, value(env, "DATABASE_URL", DEFAULT_DATABASE_URL),
                value(env, "DATABASE_USER", null), value(env, "DATABASE_PASSWORD", null), betterAuth,
                CorsOrigins.parse(value(env, CorsOrigins.VARIABLE, null), devMode));
    }

    /** Dev mode: no {@code BETTER_AUTH_*} setting at all. */
    boolean devMode() {
        return betterAuth.isEmpty();
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT: '" + value + "' is not a port number (0-65535)");
        }
    }

    @Override
    public String toString() {
        return "DemoConfig[host=" + host + ", port=" + port + ", database=" + Database.describe(databaseUrl)
                + ", betterAuth=" + betterAuth.keySet() + ", corsAllowedOrigins=" + cors.origins() + "]";
    }
}

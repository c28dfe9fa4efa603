package dev.betterauth4j.spring;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;

/**
 * A Better Auth stand-in for the tests, on loopback: one key set (EdDSA, as Better Auth signs by default) and one
 * get-session endpoint, shared by every test class in the JVM. The tests' applications point at it with
 * {@code better.auth.url}.
 */
public final class BetterAuthStandIn {

    /** The shared secret of the session server (Better Auth's BETTER_AUTH_SECRET). */
    public static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

    /** The signing key. */
    public static final SigningKey KEY = SigningKey.of("EdDSA");

    private static JwksServer keys;
    private static SessionServer sessions;

    private BetterAuthStandIn() {
    }

    /**
     * The key set server, started on first use, serving {@link #KEY}.
     *
     * @return the server
     */
    public static synchronized JwksServer keys() {
        if (keys == null) {
            keys = JwksServer.serving(KEY);
        }
        return keys;
    }

    /**
     * The get-session server, started on first use.
     *
     * @return the server
     */
    public static synchronized SessionServer sessions() {
        if (sessions == null) {
            sessions = SessionServer.start(SECRET);
        }
        return sessions;
    }

    /**
     * A Better Auth token for alice, valid now, signed with {@link #KEY}.
     *
     * @return the token, to sign
     */
    public static TestToken token() {
        return keys().token(KEY);
    }
}

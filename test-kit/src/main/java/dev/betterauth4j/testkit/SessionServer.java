package dev.betterauth4j.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Better Auth's {@code GET /api/auth/get-session} on loopback, answering as Better Auth 1.7 does
 * (interop/better-auth-server/FLOWS.md §1.4): {@code 200 {session, user}} for a live session presented as the
 * {@code session_token} cookie or as {@code Authorization: Bearer token.signature} (or a bare token), {@code 200 null}
 * otherwise. It signs session tokens with its secret the way Better Auth does, counts calls, records what each call
 * sent, and can be told to fail, stall or rate-limit.
 */
public final class SessionServer implements AutoCloseable {

    /** What the endpoint answers. */
    public enum Mode {
        /** Answers as Better Auth does. */
        SERVE,
        /** 503 with a text body. */
        UNAVAILABLE,
        /** 500 with an empty body. */
        ERROR,
        /** 200 with a body that is not Better Auth's. */
        GARBAGE,
        /** 429 with {@code X-Retry-After}. */
        RATE_LIMITED,
        /** 302 to another host. */
        REDIRECT,
        /** 200 with a body over a megabyte. */
        HUGE
    }

    /**
     * A session the server knows.
     *
     * @param id        the session's id (not its token)
     * @param token     the session token
     * @param userId    the user's id
     * @param expiresAt when the session expires
     */
    public record Session(String id, String token, String userId, Instant expiresAt) {
    }

    private final LoopbackServer server;
    private final SessionStore store;
    private final String cookiePrefix;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SERVE);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private volatile int retryAfterSeconds = 10;
    private volatile boolean requireSignature;

    private SessionServer(String secret, String cookiePrefix, Clock clock) {
        this.store = new SessionStore(secret, clock);
        this.cookiePrefix = cookiePrefix;
        server = LoopbackServer.start("test-session-server", exchange -> {
            calls.incrementAndGet();
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
                LoopbackServer.pause(delay.get());
                handle(exchange);
            } finally {
                running.decrementAndGet();
            }
        });
    }

    /**
     * A server that signs with {@code secret} and names its cookie {@code better-auth.session_token}.
     *
     * @param secret Better Auth's secret
     * @return the running server; close it
     */
    public static SessionServer start(String secret) {
        return start(secret, "better-auth", Clock.systemUTC());
    }

    /**
     * A server with a cookie prefix of its own ({@code advanced.cookiePrefix}) and a clock for its sessions' expiry.
     *
     * @param secret       Better Auth's secret
     * @param cookiePrefix the cookie prefix, {@code better-auth} by default in Better Auth
     * @param clock        the clock sessions expire by
     * @return the running server; close it
     */
    public static SessionServer start(String secret, String cookiePrefix, Clock clock) {
        return new SessionServer(secret, cookiePrefix, clock);
    }

    /**
     * The base URL, like Better Auth's {@code baseURL}.
     *
     * @return {@code http://127.0.0.1:port}
     */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * Signs a user in: a new session, valid for {@code lifetime}.
     *
     * @param userId     the user's id
     * @param userFields user fields besides the defaults ({@code name}, {@code email}, ...), e.g. {@code role}
     * @param lifetime   how long the session lives
     * @return the bearer plugin's value, {@code token.signature} (what {@code set-auth-token} carries)
     */
    public String signIn(String userId, Map<String, Object> userFields, Duration lifetime) {
        return store.signIn(userId, userFields, lifetime);
    }

    /**
     * Signs a user in for seven days, Better Auth's default.
     *
     * @param userId the user's id
     * @return the bearer plugin's value, {@code token.signature}
     */
    public String signIn(String userId) {
        return signIn(userId, Map.of(), Duration.ofDays(7));
    }

    /**
     * The session cookie's value on the wire.
     *
     * @param signed {@code token.signature}
     * @return {@code encodeURIComponent(token.signature)}
     */
    public static String cookieValue(String signed) {
        return URLEncoder.encode(signed, StandardCharsets.UTF_8);
    }

    /**
     * The session token of a signed value.
     *
     * @param signed {@code token.signature}
     * @return the part before the last dot
     */
    public static String tokenOf(String signed) {
        return signed.substring(0, signed.lastIndexOf('.'));
    }

    /**
     * The session of a signed value.
     *
     * @param signed {@code token.signature}
     * @return the session, or null if it ended
     */
    public Session session(String signed) {
        return store.session(tokenOf(signed));
    }

    /**
     * The session's cookie cache as Better Auth would set it next to the session cookie, valid for {@code maxAge}.
     *
     * @param signed   the session's {@code token.signature}
     * @param strategy how Better Auth writes the cache
     * @param maxAge   how long the cache is valid (negative: already expired)
     * @param version  the cache's {@code version}, or null to leave it out
     * @param key      the signing key for {@link CookieCaches.Strategy#KEY_SET}; ignored by the others
     * @return the {@code session_data} cookie's value
     */
    public String cookieCache(String signed, CookieCaches.Strategy strategy, Duration maxAge, String version,
                              SigningKey key) {
        return store.cookieCache(store.session(tokenOf(signed)), strategy, maxAge, version, baseUrl().toString(), key);
    }

    /**
     * Ends a session, as {@code POST /sign-out} does.
     *
     * @param signed the session's {@code token.signature}
     */
    public void signOut(String signed) {
        store.signOut(tokenOf(signed));
    }

    /**
     * Better Auth's signature of a token.
     *
     * @param token a session token
     * @return standard base64 of HMAC-SHA256 with the secret, with padding
     */
    public String sign(String token) {
        return store.sign(token);
    }

    /**
     * Sets what the endpoint answers from now on.
     *
     * @param newMode the behaviour
     */
    public void mode(Mode newMode) {
        mode.set(newMode);
    }

    /**
     * Makes every answer wait.
     *
     * @param wait how long
     */
    public void delay(Duration wait) {
        delay.set(wait);
    }

    /**
     * The {@code X-Retry-After} of {@link Mode#RATE_LIMITED} answers.
     *
     * @param seconds the delay
     */
    public void retryAfterSeconds(int seconds) {
        retryAfterSeconds = seconds;
    }

    /**
     * As {@code bearer({ requireSignature: true })}: a bare bearer token finds no session.
     *
     * @param required whether a signature is required
     */
    public void requireSignature(boolean required) {
        requireSignature = required;
    }

    /**
     * How many requests the server answered.
     *
     * @return the count
     */
    public int calls() {
        return calls.get();
    }

    /**
     * The most calls that were in progress at once.
     *
     * @return the count
     */
    public int mostConcurrentCalls() {
        return mostRunning.get();
    }

    /**
     * The request headers of every call, in order.
     *
     * @return names as the JDK server gives them (first letter upper case)
     */
    public List<Map<String, List<String>>> requestHeaders() {
        return List.copyOf(requestHeaders);
    }

    private void handle(HttpExchange exchange) throws IOException {
        switch (mode.get()) {
            case UNAVAILABLE -> respond(exchange, 503, "text/plain", "down");
            case ERROR -> respond(exchange, 500, "text/plain", "");
            case GARBAGE -> respond(exchange, 200, "text/html", "<html>maintenance</html>");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("X-Retry-After", Integer.toString(retryAfterSeconds));
                respond(exchange, 429, "application/json", "{\"message\":\"Too many requests. Please try again later.\"}");
            }
            case REDIRECT -> {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.2:1/elsewhere");
                respond(exchange, 302, "text/plain", "");
            }
            case HUGE -> respond(exchange, 200, "application/json", "{\"session\":\"" + "x".repeat(2_000_000) + "\"}");
            default -> serve(exchange);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/api/auth/get-session")) {
            respond(exchange, 404, "text/plain", "not found");
            return;
        }
        Map<String, Object> body = store.getSession(presented(exchange));
        respond(exchange, 200, "application/json", body == null ? "null" : JSONObjectUtils.toJSONString(body));
    }

    /** The session the request's cookie or bearer header names, with a valid signature; else null. */
    private Session presented(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            String value = authorization.substring(7);
            value = value.contains("%") ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
            int dot = value.lastIndexOf('.');
            if (dot < 0) {
                return requireSignature ? null : store.session(value);
            }
            return store.verified(value);
        }
        String cookies = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";\\s*")) {
            int equals = cookie.indexOf('=');
            String name = cookie.substring(0, Math.max(0, equals));
            if (name.equals(cookiePrefix + ".session_token") || name.equals("__Secure-" + cookiePrefix + ".session_token")) {
                return store.verified(URLDecoder.decode(cookie.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    /** As Better Auth answers {@code get-session}: never to be cached. */
    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        LoopbackServer.respondUncached(exchange, status, contentType, body);
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.close();
    }
}

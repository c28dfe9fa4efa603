package dev.betterauth4j.testkit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for a Better Auth server's key set endpoint: a real HTTP server on loopback ({@code 127.0.0.1}, a free
 * port) that answers {@code GET /api/auth/jwks} (and every other path) with the keys it was told to publish.
 *
 * <p>Point the code under test at {@link #baseUrl()} as it would be pointed at Better Auth's {@code baseURL}
 * ({@code BETTER_AUTH_URL}): auth-core derives the key set URL, the issuer and the audience from it, and accepts
 * plain {@code http} on loopback. Tokens from {@link #token(SigningKey)} carry that issuer and audience.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.of("EdDSA");
 * try (JwksServer betterAuth = JwksServer.serving(key)) {
 *     BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(betterAuth.baseUrl()).build();
 *     AuthenticatedUser user = verifier.verify(betterAuth.token(key).sign());
 * }
 * }</pre>
 *
 * <p>It counts requests ({@link #requestCount()}) and can be told to rotate keys ({@link #publish(SigningKey...)}),
 * fail ({@link #UNAVAILABLE}, or any {@link Behaviour}) or answer slowly ({@link #delay(Duration)}), to test how an
 * application behaves when Better Auth rotates its key or is down. Close it when done; it is safe to use from several
 * threads.
 */
public final class JwksServer implements AutoCloseable {

    /** What the endpoint does with a request. */
    @FunctionalInterface
    public interface Behaviour {
        /**
         * Answers one request.
         *
         * @param exchange the request and its response, from the JDK's {@code com.sun.net.httpserver}
         * @param jwksJson the key set currently published, as JSON
         * @throws IOException if the client went away
         */
        void handle(HttpExchange exchange, String jwksJson) throws IOException;
    }

    /** The default behaviour: 200 with the published key set as {@code application/json}. */
    public static final Behaviour SERVE = (exchange, json) -> respond(exchange, 200, "application/json", json);

    /** Answers 503 with a plain-text body, as a Better Auth server behind a failing proxy might: an outage. */
    public static final Behaviour UNAVAILABLE =
            (exchange, json) -> respond(exchange, 503, "text/plain", "Service Unavailable");

    private final LoopbackServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> jwksJson = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(SERVE);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    private JwksServer() {
        server = LoopbackServer.start("test-jwks-server", exchange -> {
            requests.incrementAndGet();
            LoopbackServer.pause(delay.get());
            behaviour.get().handle(exchange, jwksJson.get());
        });
    }

    /**
     * Starts a server that publishes an empty key set until told otherwise.
     *
     * @return the running server
     * @throws IllegalStateException if no loopback port could be bound
     */
    public static JwksServer start() {
        return new JwksServer();
    }

    /**
     * Starts a server that publishes the public keys of {@code keys}.
     *
     * @param keys the keys whose public JWKs the key set holds
     * @return the running server
     * @throws IllegalStateException if no loopback port could be bound
     */
    public static JwksServer serving(SigningKey... keys) {
        return start().publish(keys);
    }

    /**
     * The base URL, to be configured where Better Auth's {@code baseURL} would be: {@code http://127.0.0.1:port}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * The issuer Better Auth would put in {@code iss} (and {@code aud}): the base URL as a string.
     *
     * @return the issuer
     */
    public String issuer() {
        return baseUrl().toString();
    }

    /**
     * The key set URL, {@code {baseUrl}/api/auth/jwks}, as Better Auth serves it by default.
     *
     * @return the key set URL
     */
    public URI jwksUrl() {
        return URI.create(baseUrl() + "/api/auth/jwks");
    }

    /**
     * A Better-Auth-shaped token from this server: issued now for 15 minutes, {@code iss} and {@code aud} this
     * server's {@link #issuer()}, the header naming {@code key}'s algorithm and {@code kid}.
     *
     * @param key the key that {@link TestToken#sign()} signs with (publish it for the token to verify)
     * @return a new token, to change and sign
     */
    public TestToken token(SigningKey key) {
        return TestToken.betterAuth(key, issuer(), Instant.now());
    }

    /**
     * Publishes exactly the public JWKs of these keys, replacing what was published: publish the new key with the old
     * one to test a rotation, the new one alone to test the old one's removal.
     *
     * @param keys the keys to publish
     * @return this server
     * @throws IllegalArgumentException if one of them is an HMAC secret, which is never published
     */
    public JwksServer publish(SigningKey... keys) {
        return publish(Arrays.stream(keys).map(key -> {
            if (key.publicJwk() == null) {
                throw new IllegalArgumentException("An HMAC secret has no public JWK to publish");
            }
            return key.publicJwk();
        }).toArray(JWK[]::new));
    }

    /**
     * Publishes exactly these JWKs, as given: a JWK with private members is published with them.
     *
     * @param keys the JWKs to publish
     * @return this server
     */
    public JwksServer publish(JWK... keys) {
        return publishRaw(new JWKSet(List.of(keys)).toString(false));
    }

    /**
     * Publishes any text as the key set: for malformed or hostile key sets.
     *
     * @param json the body {@link #SERVE} answers with
     * @return this server
     */
    public JwksServer publishRaw(String json) {
        jwksJson.set(json);
        return this;
    }

    /**
     * Changes how the server answers, from the next request on.
     *
     * @param next the new behaviour, such as {@link #UNAVAILABLE}, or {@link #SERVE} to recover
     * @return this server
     */
    public JwksServer behave(Behaviour next) {
        behaviour.set(next);
        return this;
    }

    /**
     * Delays every answer, to test timeouts.
     *
     * @param wait how long each request waits before it is answered; {@link Duration#ZERO} for no delay
     * @return this server
     */
    public JwksServer delay(Duration wait) {
        delay.set(wait);
        return this;
    }

    /**
     * How many requests arrived since the start or the last {@link #resetCount()}.
     *
     * @return the number of requests
     */
    public int requestCount() {
        return requests.get();
    }

    /** Sets the request count back to zero. */
    public void resetCount() {
        requests.set(0);
    }

    /**
     * Writes a whole response, for {@link Behaviour}s.
     *
     * @param exchange    the exchange to answer
     * @param status      the HTTP status
     * @param contentType the {@code Content-Type}
     * @param body        the body (UTF-8); an empty one sends no body
     * @throws IOException if the client went away
     */
    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        LoopbackServer.respond(exchange, status, contentType, body);
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.close();
    }
}

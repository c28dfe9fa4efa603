package dev.betterauth4j.testkit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real JWKS endpoint on loopback ({@code /api/auth/jwks}, like Better Auth's), that counts requests and can be
 * told to fail, stall or misbehave.
 */
public final class JwksServer implements AutoCloseable {

    /** What the endpoint does with a request. */
    public interface Behaviour {
        void handle(HttpExchange exchange, String jwksJson) throws IOException;
    }

    public static final Behaviour SERVE = (exchange, json) -> respond(exchange, 200, "application/json", json);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-jwks-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> jwksJson = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(SERVE);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    private JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                Duration wait = delay.get();
                if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
                behaviour.get().handle(exchange, jwksJson.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (a timeout or a cancelled oversized download): expected in some tests
            }
        });
        server.start();
    }

    public static JwksServer start() {
        try {
            return new JwksServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL, like Better Auth's {@code baseURL}: {@code http://127.0.0.1:port}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String issuer() {
        return baseUrl().toString();
    }

    public URI jwksUrl() {
        return URI.create(baseUrl() + "/api/auth/jwks");
    }

    public JwksServer publish(JWK... keys) {
        // As given: a test that publishes private members gets them published.
        return publishRaw(new JWKSet(List.of(keys)).toString(false));
    }

    public JwksServer publishRaw(String json) {
        jwksJson.set(json);
        return this;
    }

    public JwksServer behave(Behaviour next) {
        behaviour.set(next);
        return this;
    }

    public JwksServer delay(Duration wait) {
        delay.set(wait);
        return this;
    }

    public int requestCount() {
        return requests.get();
    }

    public void resetCount() {
        requests.set(0);
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

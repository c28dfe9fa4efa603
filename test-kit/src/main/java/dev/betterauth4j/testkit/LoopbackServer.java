package dev.betterauth4j.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP plumbing the kit's stand-in servers share: a JDK server on a free loopback port, on daemon threads (a test
 * that forgets to close one must not keep the JVM alive), that passes every request to one handler and closes the
 * exchange after it.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request's answer; it may sleep (to stall on demand) and fail when the client goes away. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(String threadName, Handler handler) throws IOException {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (a timeout or a cancelled oversized download): expected in some tests
            }
        });
        server.start();
    }

    /**
     * Binds a free loopback port and starts answering.
     *
     * @throws IllegalStateException if no loopback port could be bound, which a test cannot recover from
     */
    static LoopbackServer start(String threadName, Handler handler) {
        try {
            return new LoopbackServer(threadName, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: the literal address, so that nothing depends on how localhost resolves. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stalls the current request, for tests of timeouts; nothing at all for {@link Duration#ZERO}. */
    static void pause(Duration wait) throws InterruptedException {
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
    }

    /** Writes a whole response; an empty body is sent as none at all (length -1), as the JDK server wants it. */
    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * {@link #respond} for Better Auth's API endpoints, which forbid caching: a client that cached a session or an
     * introspection answer would go on trusting it after it ended.
     */
    static void respondUncached(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, status, contentType, body);
    }

    /** Stops at once: tests do not wait for requests in flight, which a stalled server would hold forever. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

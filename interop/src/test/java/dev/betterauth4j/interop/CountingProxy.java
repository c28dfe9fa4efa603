package dev.betterauth4j.interop;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP hop in front of a Better Auth server that counts the verifier's calls per path (JWKS fetches,
 * {@code get-session} calls) and forwards each one unchanged: method, path and query, and the headers a verifier
 * sends ({@code Cookie}, {@code Authorization}, {@code Accept}, {@code Content-Type}). When Better Auth is down it
 * answers 502, as a reverse proxy would; {@link #retarget} points it at a restarted server.
 */
final class CountingProxy implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> FORWARDED = List.of("Cookie", "Authorization", "Accept", "Content-Type");
    private static final List<String> RETURNED = List.of("Content-Type", "X-Retry-After", "Retry-After");

    private final HttpServer server;
    private final AtomicReference<URI> upstream;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    CountingProxy(URI upstreamOrigin) throws IOException {
        upstream = new AtomicReference<>(upstreamOrigin);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                URI requested = exchange.getRequestURI();
                calls.computeIfAbsent(requested.getPath(), p -> new AtomicInteger()).incrementAndGet();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream.get() + requested.toString()))
                        .timeout(Duration.ofSeconds(20))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(
                                exchange.getRequestBody().readAllBytes()));
                for (String name : FORWARDED) {
                    List<String> values = exchange.getRequestHeaders().get(name);
                    if (values != null) {
                        values.forEach(value -> request.header(name, value));
                    }
                }
                HttpResponse<byte[]> response;
                try {
                    response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                for (String name : RETURNED) {
                    response.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().set(name, v));
                }
                byte[] body = response.body();
                exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** The proxy's origin, to use as Better Auth's base URL. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The proxied key set URL (under Better Auth's default base path). */
    URI jwksUrl() {
        return URI.create(origin() + "/api/auth/jwks");
    }

    /** How many calls reached {@code path} (e.g. {@code /api/auth/get-session}). */
    int calls(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    int getSessionCalls() {
        return calls("/api/auth/get-session");
    }

    void retarget(URI upstreamOrigin) {
        upstream.set(upstreamOrigin);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWKS document over HTTP with hard bounds, for {@link RemoteKeySet}.
 *
 * <ul>
 *   <li><b>Time</b>: the whole exchange (connect, headers, body) must finish within the read timeout. A
 *       per-read socket timeout would let a server that drips one byte a second hold a thread forever.</li>
 *   <li><b>Size</b>: a declared {@code Content-Length} over the limit is refused before the body is read; an
 *       undeclared body is cut off as soon as it passes the limit.</li>
 *   <li><b>Redirects</b>: followed only within the same origin (scheme, host, port), at most
 *       {@value #MAX_REDIRECTS} times. A key set must not be taken from wherever a redirect points.</li>
 *   <li><b>Status</b>: anything but 200 is a failure; error bodies are not read.</li>
 * </ul>
 * Failures are {@link IOException}s, which {@link RemoteKeySet} treats as an outage.
 */
final class JwksHttpRetriever implements ResourceRetriever, AutoCloseable {

    static final int MAX_REDIRECTS = 3;

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration timeout;
    private final int sizeLimit;

    JwksHttpRetriever(Duration connectTimeout, Duration timeout, int sizeLimit) {
        // Our own daemon executor, so close() can stop the client's worker threads (servlet containers report
        // threads a web application leaves behind; HttpClient itself is closeable only from Java 21 on).
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "betterauth4j-jwks-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .proxy(ProxySelector.getDefault())
                .build();
        this.timeout = timeout;
        this.sizeLimit = sizeLimit;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("Invalid JWKS URL", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = exchange(uri, deadline);
            int status = response.statusCode();
            if (status == 200) {
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                return new Resource(new String(response.body(), StandardCharsets.UTF_8), contentType);
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                URI target = resolveRedirect(uri, response.headers().firstValue("Location").get());
                if (redirects >= MAX_REDIRECTS) {
                    throw new IOException("JWKS endpoint redirected more than " + MAX_REDIRECTS + " times");
                }
                uri = target;
                continue;
            }
            throw new IOException("JWKS endpoint answered HTTP " + status);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new IOException("JWKS request timed out after " + timeout.toMillis() + " ms");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("Accept", "application/json, application/jwk-set+json")
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::bodySubscriber);
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("JWKS request timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while fetching the JWKS");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage(), io);
            }
            throw new IOException("JWKS request failed", cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // best effort: the client's selector thread ends with the client anyway
            }
        }
    }

    private BodySubscriber<byte[]> bodySubscriber(ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > sizeLimit) {
            return new BoundedBodySubscriber(sizeLimit, declared.getAsLong());
        }
        return new BoundedBodySubscriber(sizeLimit, -1);
    }

    private static URI resolveRedirect(URI from, String location) throws IOException {
        URI target;
        try {
            target = from.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("JWKS endpoint redirected to an invalid location");
        }
        if (!sameOrigin(from, target)) {
            throw new IOException("JWKS endpoint redirected to another origin; refused");
        }
        return target;
    }

    private static boolean sameOrigin(URI a, URI b) {
        try {
            return Origin.of(a).equals(Origin.of(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Collects a body up to a limit and cancels the exchange as soon as the limit is passed. */
    private static final class BoundedBodySubscriber implements BodySubscriber<byte[]> {

        private final int limit;
        private final long declaredLength;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private byte[] buffer = new byte[1024];
        private int length;
        private Flow.Subscription subscription;

        BoundedBodySubscriber(int limit, long declaredLength) {
            this.limit = limit;
            this.declaredLength = declaredLength;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = Objects.requireNonNull(subscription);
            if (declaredLength > limit) {
                subscription.cancel();
                result.completeExceptionally(new IOException(
                        "JWKS response of " + declaredLength + " bytes exceeds the limit of " + limit + " bytes"));
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if ((long) length + n > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException(
                            "JWKS response exceeds the limit of " + limit + " bytes"));
                    return;
                }
                if (length + n > buffer.length) {
                    int grown = Math.min(limit, Math.max(buffer.length * 2, length + n));
                    buffer = java.util.Arrays.copyOf(buffer, grown);
                }
                item.get(buffer, length, n);
                length += n;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(java.util.Arrays.copyOf(buffer, length));
        }
    }
}

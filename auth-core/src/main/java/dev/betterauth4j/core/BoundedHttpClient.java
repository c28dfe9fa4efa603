package dev.betterauth4j.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Calls Better Auth over HTTP with hard bounds: the key set, and (for session and OAuth credentials) its
 * {@code get-session} and introspection endpoints.
 *
 * <ul>
 *   <li><b>Time</b>: the whole exchange (connect, headers, body) must finish within the read timeout. A
 *       per-read socket timeout would let a server that drips one byte a second hold a thread forever.</li>
 *   <li><b>Size</b>: a declared {@code Content-Length} over the limit is refused before the body is read; an
 *       undeclared body is cut off as soon as it passes the limit.</li>
 *   <li><b>Redirects</b>: not followed, unless the caller allows some, and then only within the same origin
 *       (scheme, host, port). A key set must not be taken from wherever a redirect points.</li>
 *   <li><b>Status</b>: only a 2xx answer's body is read; the caller judges the status.</li>
 * </ul>
 * Failures to get an answer are {@link IOException}s, which callers treat as an outage.
 */
final class BoundedHttpClient implements AutoCloseable {

    static final int MAX_REDIRECTS = 3;

    /**
     * An answer: its status, headers, and body (empty unless the status is 2xx).
     *
     * @param status  the HTTP status
     * @param headers the response headers
     * @param body    the body of a 2xx answer, else empty
     */
    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration timeout;
    private final int sizeLimit;
    private final String name;

    /**
     * @param name      what the client calls, for messages ("JWKS", "get-session")
     * @param sizeLimit the largest body accepted, in bytes
     */
    BoundedHttpClient(String name, Duration connectTimeout, Duration timeout, int sizeLimit) {
        // Our own daemon executor, so close() can stop the client's worker threads (servlet containers report
        // threads a web application leaves behind; HttpClient itself is closeable only from Java 21 on).
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "betterauth4j-http");
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
        this.name = name;
        this.timeout = timeout;
        this.sizeLimit = sizeLimit;
    }

    /**
     * {@code GET uri} with these headers, following at most {@code maxRedirects} same-origin redirects.
     *
     * @throws IOException if no answer came within the deadline, the body was too large, or a redirect went
     *                     elsewhere
     */
    Answer get(URI uri, Map<String, String> headers, int maxRedirects) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI target = uri;
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
            headers.forEach(request::header);
            Answer answer = exchange(request, deadline);
            String location = answer.headers().firstValue("Location").orElse(null);
            if (answer.status() < 300 || answer.status() >= 400 || location == null || maxRedirects == 0) {
                return answer;
            }
            if (redirects >= maxRedirects) {
                throw new IOException(name + " endpoint redirected more than " + maxRedirects + " times");
            }
            target = resolveRedirect(target, location);
        }
    }

    /**
     * {@code POST uri} with a form body ({@code application/x-www-form-urlencoded}) and these headers; redirects are
     * not followed.
     *
     * @throws IOException if no answer came within the deadline or the body was too large
     */
    Answer postForm(URI uri, Map<String, String> headers, String form) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return exchange(request, System.nanoTime() + timeout.toNanos());
    }

    private Answer exchange(HttpRequest.Builder builder, long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new IOException(name + " request timed out after " + timeout.toMillis() + " ms");
        }
        HttpRequest request = builder.timeout(Duration.ofNanos(remaining)).build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::bodySubscriber);
        try {
            HttpResponse<byte[]> response = future.get(remaining, TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException(name + " request timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while calling the " + name + " endpoint");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage(), io);
            }
            throw new IOException(name + " request failed", cause);
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
        if (info.statusCode() < 200 || info.statusCode() >= 300) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > sizeLimit) {
            return new BoundedBodySubscriber(name, sizeLimit, declared.getAsLong());
        }
        return new BoundedBodySubscriber(name, sizeLimit, -1);
    }

    private URI resolveRedirect(URI from, String location) throws IOException {
        URI target;
        try {
            target = from.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException(name + " endpoint redirected to an invalid location");
        }
        if (!sameOrigin(from, target)) {
            throw new IOException(name + " endpoint redirected to another origin; refused");
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

        private final String name;
        private final int limit;
        private final long declaredLength;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private byte[] buffer = new byte[1024];
        private int length;
        private Flow.Subscription subscription;

        BoundedBodySubscriber(String name, int limit, long declaredLength) {
            this.name = name;
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
                        name + " response of " + declaredLength + " bytes exceeds the limit of " + limit + " bytes"));
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
                            name + " response exceeds the limit of " + limit + " bytes"));
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

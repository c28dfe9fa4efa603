package dev.betterauth4j.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to an application on loopback, as a client would send them: raw paths, any header, no cookie jar. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    /**
     * A client of the application on this port.
     *
     * @param port the application's port
     */
    public Http(int port) {
        this.port = port;
    }

    /**
     * Sends a request.
     *
     * @param method  the method
     * @param rawPath the path as sent, not normalised
     * @param headers name, value, name, value, ...
     * @return the answer
     */
    public HttpResponse<String> send(String method, String rawPath, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(20))
                .method(method, method.equals("GET") || method.equals("OPTIONS") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!method.equals("GET") && !method.equals("OPTIONS")) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET.
     *
     * @param rawPath the path as sent
     * @param headers name, value, ...
     * @return the answer
     */
    public HttpResponse<String> get(String rawPath, String... headers) {
        return send("GET", rawPath, headers);
    }

    /**
     * A GET with a bearer token.
     *
     * @param rawPath the path as sent
     * @param token   the token
     * @return the answer
     */
    public HttpResponse<String> getWith(String rawPath, String token) {
        return get(rawPath, "Authorization", "Bearer " + token);
    }
}

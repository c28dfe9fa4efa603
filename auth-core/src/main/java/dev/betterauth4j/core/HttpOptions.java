package dev.betterauth4j.core;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BetterAuthVerifier} calls Better Auth (its key set, {@code get-session}, the OAuth provider's metadata
 * and introspection endpoints): given to {@link BetterAuthVerifierBuilder#http}.
 *
 * <pre>{@code
 * BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .http(http -> http.connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(3)))
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe, like the builder it belongs to; {@link BetterAuthVerifierBuilder#build()} checks the values
 * when the verifier calls Better Auth at all.
 */
public final class HttpOptions {

    Duration connectTimeout = VerifierSettings.HTTP_CONNECT_TIMEOUT.defaultValue();
    Duration readTimeout = VerifierSettings.HTTP_READ_TIMEOUT.defaultValue();
    boolean allowInsecure = VerifierSettings.ALLOW_INSECURE_HTTP.defaultValue();

    HttpOptions() {
    }

    /**
     * The TCP connect timeout of calls to Better Auth ({@code BETTER_AUTH_HTTP_CONNECT_TIMEOUT}).
     *
     * @param timeout the timeout, 100 ms to 60 s
     * @return these options
     */
    public HttpOptions connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * The deadline for a whole response from Better Auth ({@code BETTER_AUTH_HTTP_READ_TIMEOUT}).
     *
     * @param timeout the timeout, 100 ms to 120 s
     * @return these options
     */
    public HttpOptions readTimeout(Duration timeout) {
        this.readTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Allows plain {@code http://} to Better Auth on a host other than loopback
     * ({@code BETTER_AUTH_ALLOW_INSECURE_HTTP}); loopback is always allowed.
     *
     * @param allow whether to allow it; off by default, as anyone on the path could swap the keys
     * @return these options
     */
    public HttpOptions allowInsecure(boolean allow) {
        this.allowInsecure = allow;
        return this;
    }

    /** Checks the timeouts, for a verifier that calls Better Auth beyond its key set (whose settings check them). */
    void check() {
        VerifierSettings.HTTP_CONNECT_TIMEOUT.check(connectTimeout);
        VerifierSettings.HTTP_READ_TIMEOUT.check(readTimeout);
    }

    /** Checks a URL of Better Auth's by {@link RemoteUrl}'s rules, plain http allowed as these options say. */
    URL checked(URI url, String label) {
        return RemoteUrl.checked(url, label, allowInsecure);
    }

    /** A client for one of Better Auth's endpoints, with these timeouts. */
    BoundedHttpClient client(String endpoint, int sizeLimit) {
        return new BoundedHttpClient(endpoint, connectTimeout, readTimeout, sizeLimit);
    }

    /** The longest a call takes: how long a request may wait for another's call before it gives up. */
    long callMillis() {
        return connectTimeout.plus(readTimeout).toMillis();
    }
}

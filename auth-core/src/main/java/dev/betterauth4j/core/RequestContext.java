package dev.betterauth4j.core;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a request says about where it comes from and what it does, for the checks that depend on the request rather
 * than the credential: a cookie credential (sent by a browser by itself) may authenticate a request that changes
 * something only if the request comes from a trusted origin, and a DPoP proof (RFC 9449) must name the request's
 * method and URL.
 *
 * <pre>{@code
 * RequestContext request = new RequestContext(http.getMethod(), http.getHeader("Origin"), http.getHeader("Referer"),
 *         URI.create("https://api.example.com" + http.getRequestURI()));
 * AuthenticatedUser user = verifier.verify(credential, request);
 * }</pre>
 *
 * @param method  the HTTP method
 * @param origin  the {@code Origin} header, or null
 * @param referer the {@code Referer} header, or null
 * @param uri     the request's URL as the client saw it (behind a proxy: the public scheme, host and port), query and
 *                fragment ignored; null when unknown, which only a DPoP credential needs
 */
public record RequestContext(String method, String origin, String referer, URI uri) {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * @param method  the HTTP method
     * @param origin  the {@code Origin} header, or null
     * @param referer the {@code Referer} header, or null
     * @param uri     the request's URL as the client saw it, or null
     * @throws NullPointerException if {@code method} is null
     */
    public RequestContext {
        Objects.requireNonNull(method, "method");
    }

    /**
     * A context without the request's URL: enough for every credential but a DPoP one.
     *
     * @param method  the HTTP method
     * @param origin  the {@code Origin} header, or null
     * @param referer the {@code Referer} header, or null
     * @throws NullPointerException if {@code method} is null
     */
    public RequestContext(String method, String origin, String referer) {
        this(method, origin, referer, null);
    }

    /**
     * Whether the method may change something (RFC 9110 §9.2.1: anything but GET, HEAD, OPTIONS and TRACE).
     *
     * @return {@code true} for POST, PUT, PATCH, DELETE and any other method
     */
    public boolean changesState() {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Shows the URL without its query, which may carry what the client did not mean to show. */
    @Override
    public String toString() {
        String url = uri == null ? null : uri.getRawQuery() == null && uri.getRawFragment() == null ? uri.toString()
                : uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        return "RequestContext[method=" + method + ", origin=" + origin + ", referer=" + referer + ", uri=" + url + "]";
    }
}

package dev.betterauth4j.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a request says about where it comes from and what it does, for the checks that depend on the request rather
 * than the credential: a cookie credential (sent by a browser by itself) may authenticate a request that changes
 * something only if the request comes from a trusted origin.
 *
 * <pre>{@code
 * RequestContext request = new RequestContext(http.getMethod(), http.getHeader("Origin"), http.getHeader("Referer"));
 * AuthenticatedUser user = verifier.verify(credential, request);
 * }</pre>
 *
 * @param method  the HTTP method
 * @param origin  the {@code Origin} header, or null
 * @param referer the {@code Referer} header, or null
 */
public record RequestContext(String method, String origin, String referer) {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * @param method  the HTTP method
     * @param origin  the {@code Origin} header, or null
     * @param referer the {@code Referer} header, or null
     * @throws NullPointerException if {@code method} is null
     */
    public RequestContext {
        Objects.requireNonNull(method, "method");
    }

    /**
     * Whether the method may change something (RFC 9110 §9.2.1: anything but GET, HEAD, OPTIONS and TRACE).
     *
     * @return {@code true} for POST, PUT, PATCH, DELETE and any other method
     */
    public boolean changesState() {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }
}

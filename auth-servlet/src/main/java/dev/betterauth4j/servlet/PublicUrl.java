package dev.betterauth4j.servlet;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Locale;

/**
 * The URL of a request as the client saw it, which a DPoP proof names ({@code htu}): behind a proxy or load balancer
 * that terminates TLS or rewrites the host, the configured public URL of the application's root followed by the raw
 * path within the application; without one, the container's own view ({@code getRequestURL()}: scheme, the
 * {@code Host} header, the raw path). The query is never part of it.
 *
 * @param base the public URL of the application's root without a trailing slash, or null to use the container's
 */
record PublicUrl(String base) {

    static final PublicUrl CONTAINER = new PublicUrl(null);

    /**
     * @param label how messages name the option
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL without query or fragment
     */
    static PublicUrl of(URI url, String label) {
        if (url == null) {
            return CONTAINER;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(label + ": '" + url + "' must be an absolute http(s) URL without query"
                    + " or fragment, such as https://api.example.com");
        }
        String text = url.toString();
        return new PublicUrl(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The request's URL as the client saw it. */
    URI of(HttpServletRequest request) {
        if (base == null) {
            return URI.create(request.getRequestURL().toString());
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return URI.create(base + (uri.startsWith(context) ? uri.substring(context.length()) : uri));
    }

    /** The public URL of the application's root, or the container's view of it for this request. */
    String root(HttpServletRequest request) {
        if (base != null) {
            return base;
        }
        String url = request.getRequestURL().toString();
        String uri = request.getRequestURI();
        return url.substring(0, url.length() - uri.length()) + request.getContextPath();
    }

    @Override
    public String toString() {
        return base == null ? "the request's" : base;
    }
}

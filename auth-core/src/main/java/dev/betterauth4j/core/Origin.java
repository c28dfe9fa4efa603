package dev.betterauth4j.core;

import java.net.URI;
import java.util.Locale;

/**
 * A web origin (RFC 6454): scheme, host and port, in the one normal form used everywhere an origin is compared or
 * derived: lower-case scheme and host, the default port of the scheme dropped from the text.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   the host, lower case (an IPv6 literal keeps its brackets)
 * @param port   the port, the scheme's default when the URL gives none
 */
record Origin(String scheme, String host, int port) {

    /**
     * The origin of an absolute http(s) URL.
     *
     * @throws IllegalArgumentException if the URL is not absolute http(s) with a host
     */
    static Origin of(URI url) {
        if (!url.isAbsolute() || url.getHost() == null || !isHttp(url.getScheme())) {
            throw new IllegalArgumentException("not an absolute http(s) URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    /**
     * The origin a base URL names ({@code BETTER_AUTH_URL}): Better Auth uses the origin as {@code iss} and
     * {@code aud}, so a path, query, fragment or user info would only mislead.
     *
     * @param label how messages name the setting
     * @throws IllegalArgumentException if the URL is not an origin; the message names {@code label}
     */
    static Origin ofBaseUrl(URI url, String label) {
        if (!url.isAbsolute() || url.getHost() == null || !isHttp(url.getScheme())) {
            throw new IllegalArgumentException(label + " must be an absolute http(s) URL such as"
                    + " https://app.example.com");
        }
        String path = url.getRawPath();
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || !(path == null || path.isEmpty() || path.equals("/"))) {
            throw new IllegalArgumentException(label + " must be an origin such as https://app.example.com, without"
                    + " user info, path, query or fragment (Better Auth uses the origin as iss and aud); use "
                    + VerifierSettings.JWKS_URL.label() + " for a custom base path");
        }
        return of(url);
    }

    static boolean isHttp(String scheme) {
        return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
    }

    /** {@code https://app.example.com}, {@code http://localhost:3000}: how Better Auth writes its base URL. */
    @Override
    public String toString() {
        boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    URI toUri() {
        return URI.create(toString());
    }
}

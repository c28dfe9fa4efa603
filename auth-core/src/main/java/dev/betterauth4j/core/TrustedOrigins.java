package dev.betterauth4j.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins a request authenticated by a cookie may come from when it changes something: Better Auth's own origin
 * and the configured trusted origins ({@code BETTER_AUTH_TRUSTED_ORIGINS}, the variable Better Auth reads for the same
 * purpose). A browser sends cookies to this API from any page that makes it send a request; the {@code Origin} header
 * (or, failing that, the {@code Referer}) says which page that was, and only pages of trusted origins may use the
 * user's cookie to change something.
 *
 * <p>Entries are origins ({@code https://app.example.com}) or, as Better Auth allows, a wildcard for subdomains
 * ({@code https://*.example.com}, or {@code *.example.com} for both schemes). Entries that are no web origin (an app's
 * custom scheme such as {@code myapp://}) are for Better Auth's redirects, not for browsers, and are skipped.
 */
final class TrustedOrigins {

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    /** An entry: exact origin, or a scheme (null for both) with a host suffix and a port (-1 for the default). */
    private record Pattern(String scheme, String host, boolean subdomains, int port) {
        boolean matches(Origin origin) {
            boolean hostMatches = subdomains ? origin.host().endsWith("." + host) : origin.host().equals(host);
            int expectedPort = port != -1 ? port : origin.scheme().equals("https") ? 443 : 80;
            return hostMatches && origin.port() == expectedPort && (scheme == null || scheme.equals(origin.scheme()));
        }

        @Override
        public String toString() {
            return (scheme == null ? "" : scheme + "://") + (subdomains ? "*." : "") + host + (port == -1 ? "" : ":"
                    + port);
        }
    }

    private final Set<Origin> exact;
    private final List<Pattern> patterns;

    private TrustedOrigins(Set<Origin> exact, List<Pattern> patterns) {
        this.exact = Set.copyOf(exact);
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Better Auth's origin (if known) and the configured entries.
     *
     * @throws IllegalArgumentException for an http(s) entry that is not an origin (a path, a query)
     */
    static TrustedOrigins of(Origin base, List<String> configured) {
        Set<Origin> exact = new LinkedHashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        if (base != null) {
            exact.add(base);
        }
        for (String entry : configured == null ? List.<String>of() : configured) {
            String text = entry.trim();
            int schemeEnd = text.indexOf("://");
            String scheme = schemeEnd < 0 ? null : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (scheme != null && !Origin.isHttp(scheme)) {
                LOGGER.log(Level.DEBUG, () -> "Trusted origin " + text + " is no web origin; skipped");
                continue;
            }
            String authority = schemeEnd < 0 ? text : text.substring(schemeEnd + 3);
            if (authority.endsWith("/")) {
                authority = authority.substring(0, authority.length() - 1);
            }
            if (authority.isEmpty() || authority.contains("/") || authority.contains("?") || authority.contains("#")
                    || authority.contains("@")) {
                throw new IllegalArgumentException(VerifierSettings.TRUSTED_ORIGINS.label() + ": '" + text
                        + "' is not an origin such as https://app.example.com or https://*.example.com");
            }
            if (authority.startsWith("*.") || scheme == null) {
                patterns.add(pattern(scheme, authority, text));
            } else {
                exact.add(Origin.of(URI.create(scheme + "://" + authority)));
            }
        }
        return new TrustedOrigins(exact, patterns);
    }

    private static Pattern pattern(String scheme, String authority, String text) {
        boolean subdomains = authority.startsWith("*.");
        String hostAndPort = subdomains ? authority.substring(2) : authority;
        int colon = hostAndPort.lastIndexOf(':');
        int port = -1;
        String host = hostAndPort;
        if (colon > 0 && !hostAndPort.endsWith("]")) {
            try {
                port = Integer.parseInt(hostAndPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(VerifierSettings.TRUSTED_ORIGINS.label() + ": '" + text
                        + "' has an invalid port");
            }
            host = hostAndPort.substring(0, colon);
        }
        if (host.isEmpty() || host.contains("*")) {
            throw new IllegalArgumentException(VerifierSettings.TRUSTED_ORIGINS.label() + ": '" + text
                    + "' may have a wildcard only as its first host label (https://*.example.com)");
        }
        return new Pattern(scheme, host.toLowerCase(Locale.ROOT), subdomains, port);
    }

    /**
     * Whether the request comes from a trusted origin: its {@code Origin} header, or when that is absent or
     * {@code null}, its {@code Referer}'s origin.
     */
    boolean allows(RequestContext request) {
        String source = request.origin() != null && !request.origin().equals("null") ? request.origin()
                : request.referer();
        if (source == null) {
            return false;
        }
        Origin origin;
        try {
            origin = Origin.of(URI.create(source.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (exact.contains(origin)) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matches(origin)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        exact.forEach(origin -> all.add(origin.toString()));
        patterns.forEach(pattern -> all.add(pattern.toString()));
        return all.toString();
    }
}

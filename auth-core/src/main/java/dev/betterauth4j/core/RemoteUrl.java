package dev.betterauth4j.core;

import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rules for a URL the verifier calls Better Auth at (its key set, its {@code get-session}): absolute http(s), no
 * user info, and https unless the host is loopback or plain http was allowed on purpose, because over plain HTTP anyone
 * on the path could swap the keys or answer for Better Auth.
 */
final class RemoteUrl {

    private RemoteUrl() {
    }

    /**
     * {@code url} as a {@link URL}, if it obeys the rules.
     *
     * @param label how messages name the setting it came from
     * @throws IllegalArgumentException if it does not; the message names {@code label}
     */
    static URL checked(URI url, String label, boolean allowInsecureHttp) {
        if (!url.isAbsolute() || url.getHost() == null || !Origin.isHttp(url.getScheme())) {
            throw new IllegalArgumentException(label + ": the URL must be an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(label + ": the URL must not carry user info");
        }
        if (url.getScheme().equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(label + ": the URL " + url + " is plain http on a"
                    + " non-loopback host, where anyone on the path could swap the keys or answer for Better Auth. Use"
                    + " https, or turn on " + VerifierSettings.ALLOW_INSECURE_HTTP.name() + " ("
                    + VerifierSettings.ALLOW_INSECURE_HTTP.key() + "=true) on a trusted network.");
        }
        try {
            return url.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": the URL " + url + " is not a valid URL", e);
        }
    }

    /** Loopback by name or literal address only: no DNS lookup decides what is trusted. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean ipv4Literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6Literal = h.contains(":") && h.matches("[0-9a-f:.]+");
        if (!ipv4Literal && !ipv6Literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

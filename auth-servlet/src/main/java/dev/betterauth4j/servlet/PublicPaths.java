package dev.betterauth4j.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths that pass without a token: exact ({@code /health}) or prefix ({@code /public/*}, which matches
 * {@code /public} and everything below it). Matched only against a {@link CanonicalPath}: a request whose raw URI
 * is not already canonical ({@code /admin/..;/public/x}, {@code /public/%2e%2e/admin}) is never public, whatever
 * the container normalises it to, because the application behind the filter may route on the raw form.
 */
final class PublicPaths {

    private final List<String> exact = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    /**
     * @param label    how messages name the option
     * @param patterns exact paths and prefixes ending in {@code /*}
     */
    PublicPaths(String label, List<String> patterns) {
        for (String pattern : patterns) {
            String p = pattern.trim();
            if (!p.startsWith("/")) {
                throw new IllegalArgumentException(label + ": '" + p + "' must start with '/'");
            }
            if (p.endsWith("/*")) {
                String prefix = p.substring(0, p.length() - 2);
                if (prefix.contains("*")) {
                    throw new IllegalArgumentException(label + ": '" + p + "' may only end with '/*'");
                }
                prefixes.add(prefix);
            } else if (p.contains("*")) {
                throw new IllegalArgumentException(label + ": '" + p + "' may only end with '/*'");
            } else {
                exact.add(p);
            }
        }
    }

    boolean matches(String path) {
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || prefix.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(exact);
        prefixes.forEach(p -> all.add(p + "/*"));
        return all.toString();
    }
}

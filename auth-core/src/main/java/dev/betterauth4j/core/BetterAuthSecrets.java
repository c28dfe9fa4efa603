package dev.betterauth4j.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Better Auth's secrets as Better Auth itself uses them: {@code BETTER_AUTH_SECRETS="2:new,1:old"} (versioned; the
 * first entry is the current one) or the single {@code BETTER_AUTH_SECRET}. The current secret signs everything Better
 * Auth writes with a secret (session cookies, the compact and jwt cookie caches); only decryption (the jwe cookie
 * cache) tries every version and the legacy {@code BETTER_AUTH_SECRET}. So a cookie's HMAC is checked with the current
 * secret only, as Better Auth checks it.
 *
 * @param current the current secret's UTF-8 bytes (the first versioned entry, else {@code BETTER_AUTH_SECRET})
 * @param all     every secret that may decrypt, current first: the versioned entries in order, then the legacy one
 */
record BetterAuthSecrets(byte[] current, List<byte[]> all) {

    BetterAuthSecrets {
        all = Collections.unmodifiableList(new ArrayList<>(all));
    }

    /**
     * The secrets from the two settings.
     *
     * @param versioned {@code "2:new,1:old"}, or null
     * @param legacy    the single secret, or null
     * @return the secrets, or null when neither is set
     * @throws IllegalArgumentException if {@code versioned} is malformed (the message never contains a secret)
     */
    static BetterAuthSecrets of(String versioned, String legacy) {
        if (versioned == null) {
            return legacy == null ? null : new BetterAuthSecrets(utf8(legacy), List.of(utf8(legacy)));
        }
        Map<Integer, String> byVersion = parse(versioned);
        List<byte[]> all = new ArrayList<>();
        byVersion.values().forEach(secret -> all.add(utf8(secret)));
        if (legacy != null && !byVersion.containsValue(legacy) && !SharedSecret.BETTER_AUTH_DEFAULT.equals(legacy)) {
            all.add(utf8(legacy));
        }
        return new BetterAuthSecrets(all.get(0), all);
    }

    /** The current secret's text, for the checks {@link SharedSecret} makes. */
    static String currentText(String versioned, String legacy) {
        return versioned == null ? legacy : parse(versioned).values().iterator().next();
    }

    /** {@code version:secret} entries, comma-separated, in order; versions unique non-negative integers. */
    private static Map<Integer, String> parse(String versioned) {
        String label = VerifierSettings.SECRETS.label();
        Map<Integer, String> byVersion = new LinkedHashMap<>();
        String[] entries = versioned.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(label + ": entry " + (i + 1) + " is not <version>:<secret>");
            }
            int version;
            try {
                version = Integer.parseInt(entry.substring(0, colon).trim());
            } catch (NumberFormatException e) {
                version = -1;
            }
            String secret = entry.substring(colon + 1).trim();
            if (version < 0) {
                throw new IllegalArgumentException(label + ": entry " + (i + 1) + " has no non-negative integer"
                        + " version");
            }
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(label + ": version " + version + " has an empty secret");
            }
            if (byVersion.putIfAbsent(version, secret) != null) {
                throw new IllegalArgumentException(label + ": version " + version + " appears twice");
            }
        }
        return byVersion;
    }

    private static byte[] utf8(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "BetterAuthSecrets[" + all.size() + " secrets]";
    }
}

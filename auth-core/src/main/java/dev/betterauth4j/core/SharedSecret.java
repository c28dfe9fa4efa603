package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The rules for the shared secret ({@code BETTER_AUTH_SECRET}): Better Auth uses its UTF-8 bytes as the HMAC key,
 * with no derivation, so its length is the key's strength. At least 32 bytes (48 for HS384, 64 for HS512), and never
 * Better Auth's built-in development secret, which anyone can read in its source.
 */
final class SharedSecret {

    static final int MIN_BYTES = 32;
    /** Better Auth's built-in development secret, used when none is configured: public knowledge. */
    static final String BETTER_AUTH_DEFAULT = "better-auth-secret-12345678901234567890";

    private SharedSecret() {
    }

    /**
     * The key bytes of {@code secret} for the allowed algorithms.
     *
     * @param label how messages name the setting the secret came from
     * @throws IllegalArgumentException if the secret is too short or public; the message never contains it
     */
    static byte[] keyBytes(String secret, Set<JWSAlgorithm> allowed, String label) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException(label + " must be at least " + MIN_BYTES + " bytes, it has "
                    + bytes.length);
        }
        if (BETTER_AUTH_DEFAULT.equals(secret)) {
            throw new IllegalArgumentException(label + " is Better Auth's public default secret; anyone can sign"
                    + " tokens with it. Set a random secret.");
        }
        int needed = allowed.contains(JWSAlgorithm.HS512) ? 64 : allowed.contains(JWSAlgorithm.HS384) ? 48 : MIN_BYTES;
        if (bytes.length < needed) {
            throw new IllegalArgumentException(label + " must be at least " + needed + " bytes for the allowed HMAC"
                    + " algorithms, it has " + bytes.length);
        }
        return bytes;
    }
}

package dev.betterauth4j.core;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * HKDF-SHA256 (RFC 5869), for the key Better Auth derives from its secret to encrypt the {@code jwe} cookie cache:
 * extract ({@code PRK = HMAC(salt, IKM)}) then expand ({@code T(i) = HMAC(PRK, T(i-1) | info | i)}).
 *
 * <p>Why here: Java 17 has no HKDF (the {@code javax.crypto.KDF} API arrived in Java 25) and Nimbus JOSE has none,
 * so this is RFC 5869's two steps over the JDK's own HMAC-SHA256, checked against the RFC's test vectors
 * ({@code HkdfTest}) and against cookies from a real Better Auth server (interop).
 */
final class Hkdf {

    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * {@code length} bytes of key material.
     *
     * @param length at most 255 × 32 bytes
     */
    static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to 8160 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, "HmacSHA256"));
            byte[] pseudorandomKey = mac.doFinal(inputKeyMaterial);
            mac.init(new SecretKeySpec(pseudorandomKey, "HmacSHA256"));
            byte[] output = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, filled = 0; filled < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                block = mac.doFinal();
                int n = Math.min(HASH_LENGTH, length - filled);
                System.arraycopy(block, 0, output, filled, n);
                filled += n;
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}

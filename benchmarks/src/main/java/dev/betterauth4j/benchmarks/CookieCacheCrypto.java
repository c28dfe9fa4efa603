package dev.betterauth4j.benchmarks;

import dev.betterauth4j.testkit.CookieCaches;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * The bare JDK crypto a session cookie cache needs, over bytes already decoded: the session token's HMAC-SHA256 (the
 * cache is read only next to a token whose signature holds), then the cache's own check: HMAC-SHA256 for
 * {@code compact} and {@code jwt}, AES-256-CBC with its HMAC-SHA512 tag for {@code jwe} ({@code A256CBC-HS512}, RFC
 * 7518 §5.2.2, key already derived), Ed25519 for the key-set-signed cache. One instance per thread: it holds
 * initialised {@link Mac}, {@link Cipher} and {@link Signature} objects.
 */
public final class CookieCacheCrypto {

    private final Mac sha256;
    private final Mac sha512;
    private final SecretKeySpec aesKey;
    private final Cipher aes;
    private final Signature ed25519;

    /**
     * @param secret    Better Auth's secret
     * @param publicKey the key set's Ed25519 public key, for the key-set-signed cache
     */
    public CookieCacheCrypto(String secret, PublicKey publicKey) {
        try {
            sha256 = Mac.getInstance("HmacSHA256");
            sha256.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = CookieCaches.encryptionKey(secret);
            sha512 = Mac.getInstance("HmacSHA512");
            sha512.init(new SecretKeySpec(Arrays.copyOfRange(key, 0, 32), "HmacSHA512"));
            aesKey = new SecretKeySpec(Arrays.copyOfRange(key, 32, 64), "AES");
            aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code mac} is the HMAC-SHA256 of {@code data} with the secret (constant-time comparison). */
    public boolean hmacSha256(byte[] data, byte[] mac) {
        return MessageDigest.isEqual(sha256.doFinal(data), mac);
    }

    /**
     * The plaintext of an {@code A256CBC-HS512} ciphertext, or null when its tag does not hold.
     *
     * @param aad the ASCII of the protected header's base64url text
     */
    public byte[] decryptA256CbcHs512(byte[] aad, byte[] iv, byte[] ciphertext, byte[] tag) {
        try {
            sha512.update(aad);
            sha512.update(iv);
            sha512.update(ciphertext);
            sha512.update(ByteBuffer.allocate(8).putLong((long) aad.length * 8).array());
            byte[] expected = Arrays.copyOf(sha512.doFinal(), 32);
            if (!MessageDigest.isEqual(expected, tag)) {
                return null;
            }
            aes.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(iv));
            return aes.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Whether {@code signature} is an Ed25519 signature of {@code data} by the key set's key. */
    public boolean ed25519(byte[] data, byte[] signature) {
        try {
            ed25519.update(data);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

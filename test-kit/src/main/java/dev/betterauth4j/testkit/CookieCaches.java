package dev.betterauth4j.testkit;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.JSONObjectUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Better Auth's session cookie cache ({@code session_data}), made exactly as better-auth 1.7 makes it in each strategy
 * (interop/better-auth-server/FLOWS.md §2): {@code compact}, {@code jwt} (HS256 with the secret), {@code jwe}
 * ({@code dir} + {@code A256CBC-HS512}, HKDF-derived key, thumbprint {@code kid}) and {@code jwt} with the
 * {@code jwt} plugin's {@code sessionCookieCache} (signed with a key of the key set).
 */
public final class CookieCaches {

    /** Better Auth's cookie cache strategies ({@code session.cookieCache.strategy}). */
    public enum Strategy {
        /** {@code compact}, Better Auth's default: base64url JSON with an HMAC over the session data. */
        COMPACT,
        /** {@code jwt}: an HS256 JWS keyed with the secret. */
        JWT,
        /** {@code jwe}: {@code dir} + {@code A256CBC-HS512} with an HKDF-derived key (Better Auth's stateless mode). */
        JWE,
        /** {@code jwt} with the {@code jwt} plugin's {@code sessionCookieCache}: signed with a key of the key set. */
        KEY_SET
    }

    private CookieCaches() {
    }

    /**
     * A cache of {@code {session, user, updatedAt, version}} valid until {@code expiresAt}, the value of the
     * {@code better-auth.session_data} cookie.
     *
     * @param strategy  how Better Auth writes it
     * @param session   the session row (its {@code token} must be the session cookie's)
     * @param user      the user row
     * @param version   the cache's {@code version}, or null to leave it out
     * @param secret    Better Auth's secret (for every strategy but {@link Strategy#KEY_SET})
     * @param issuedAt  when the cache was written
     * @param expiresAt when the cache expires
     * @param issuer    the key-set strategy's {@code iss} (Better Auth's base URL)
     * @param key       the key-set strategy's signing key; ignored by the others
     * @return the cookie's value
     */
    public static String make(Strategy strategy, Map<String, Object> session, Map<String, Object> user, String version,
                              String secret, Instant issuedAt, Instant expiresAt, String issuer, SigningKey key) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", session);
        data.put("user", user);
        data.put("updatedAt", issuedAt.toEpochMilli());
        if (version != null) {
            data.put("version", version);
        }
        try {
            return switch (strategy) {
                case COMPACT -> compact(data, secret, expiresAt);
                case JWT -> signed(data, secret, issuedAt, expiresAt);
                case JWE -> encrypted(data, secret, issuedAt, expiresAt);
                case KEY_SET -> keySetSigned(data, key, issuedAt, expiresAt, issuer);
            };
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64url of {@code {"session":<data>,"expiresAt":<ms>,"signature":"<HMAC of data + expiresAt>"}}. */
    private static String compact(Map<String, Object> data, String secret, Instant expiresAt)
            throws GeneralSecurityException {
        String json = JSONObjectUtils.toJSONString(data);
        long expires = expiresAt.toEpochMilli();
        String signed = json.substring(0, json.length() - 1) + ",\"expiresAt\":" + expires + "}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        String outer = "{\"session\":" + json + ",\"expiresAt\":" + expires + ",\"signature\":\"" + signature + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(outer.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(Map<String, Object> data, String secret, Instant issuedAt, Instant expiresAt)
            throws JOSEException {
        Map<String, Object> claims = new LinkedHashMap<>(data);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims));
        jws.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jws.serialize();
    }

    private static String encrypted(Map<String, Object> data, String secret, Instant issuedAt, Instant expiresAt)
            throws JOSEException, GeneralSecurityException {
        byte[] key = hkdf(secret.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> claims = new LinkedHashMap<>(data);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String kid = new OctetSequenceKey.Builder(key).build().computeThumbprint().toString();
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512)
                .keyID(kid).build(), new Payload(claims));
        jwe.encrypt(new DirectEncrypter(key));
        return jwe.serialize();
    }

    @SuppressWarnings("unchecked")
    private static String keySetSigned(Map<String, Object> data, SigningKey key, Instant issuedAt, Instant expiresAt,
                                       String issuer) throws JOSEException {
        Map<String, Object> claims = new LinkedHashMap<>(data);
        claims.put("sid", ((Map<String, Object>) data.get("session")).get("token"));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iss", issuer);
        claims.put("aud", "better-auth:session-cache");
        claims.put("sub", ((Map<String, Object>) data.get("user")).get("id"));
        JWSObject jws = new JWSObject(new JWSHeader.Builder(key.algorithm()).keyID(key.kid())
                .type(new JOSEObjectType("better-auth.session-cache+jwt")).build(), new Payload(claims));
        jws.sign(key.signer());
        return jws.serialize();
    }

    /**
     * The key Better Auth encrypts the {@code jwe} strategy's cache with: HKDF-SHA256 of the secret (salt
     * {@code better-auth-session}, info {@code BetterAuth.js Generated Encryption Key}), 64 bytes; for
     * {@code A256CBC-HS512} the first 32 are the HMAC-SHA512 key and the last 32 the AES key.
     *
     * @param secret Better Auth's secret
     * @return a new array of the 64 key bytes
     */
    public static byte[] encryptionKey(String secret) {
        try {
            return hkdf(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Better Auth's key for the jwe strategy: HKDF-SHA256, salt better-auth-session, 64 bytes (RFC 5869 inline). */
    private static byte[] hkdf(byte[] secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("better-auth-session".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] prk = mac.doFinal(secret);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] info = "BetterAuth.js Generated Encryption Key".getBytes(StandardCharsets.UTF_8);
        mac.update(info);
        mac.update((byte) 1);
        byte[] first = mac.doFinal();
        mac.update(first);
        mac.update(info);
        mac.update((byte) 2);
        byte[] second = mac.doFinal();
        byte[] key = new byte[64];
        System.arraycopy(first, 0, key, 0, 32);
        System.arraycopy(second, 0, key, 32, 32);
        return key;
    }
}

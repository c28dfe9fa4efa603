package dev.betterauth4j.core;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.jwk.OctetSequenceKey;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.UNKNOWN_KEY;

/**
 * Better Auth's {@code jwe} cookie cache strategy (always used in its stateless mode): a compact JWE,
 * {@code alg: dir}, {@code enc: A256CBC-HS512}, whose 64-byte key is HKDF-SHA256 of the secret (salt
 * {@code better-auth-session}, info {@code BetterAuth.js Generated Encryption Key}), and whose {@code kid} is the RFC
 * 7638 thumbprint of that key, so that every version of {@code BETTER_AUTH_SECRETS} (and the legacy
 * {@code BETTER_AUTH_SECRET}) can be tried, as Better Auth tries them: by {@code kid} when there is one, else the
 * current secret, then the others. Decryption (and so integrity) is Nimbus'. Better Auth allows 15 s of clock skew.
 */
final class EncryptedCookieCache {

    static final byte[] SALT = "better-auth-session".getBytes(StandardCharsets.UTF_8);
    static final byte[] INFO = "BetterAuth.js Generated Encryption Key".getBytes(StandardCharsets.UTF_8);
    private static final Set<EncryptionMethod> METHODS = Set.of(EncryptionMethod.A256CBC_HS512,
            EncryptionMethod.A256GCM);

    /** A derived key and its thumbprint. */
    private record Key(byte[] bytes, String kid) {
    }

    private final List<Key> keys;

    /**
     * @param secrets every secret that may decrypt, current first (see {@link BetterAuthSecrets#all()})
     */
    EncryptedCookieCache(List<byte[]> secrets) {
        List<Key> derived = new ArrayList<>();
        for (byte[] secret : secrets) {
            byte[] key = Hkdf.sha256(secret, SALT, INFO, 64);
            try {
                derived.add(new Key(key, new OctetSequenceKey.Builder(key).build().computeThumbprint().toString()));
            } catch (JOSEException e) {
                throw new IllegalStateException("SHA-256 thumbprints are not available", e);
            }
        }
        this.keys = List.copyOf(derived);
    }

    CookieCachePayload read(String value) throws TokenVerificationException {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(value);
        } catch (ParseException | RuntimeException e) {
            // Nimbus 10.10 throws NullPointerException for a header without "enc".
            throw malformed();
        }
        if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                || !METHODS.contains(jwe.getHeader().getEncryptionMethod())
                || jwe.getHeader().getCompressionAlgorithm() != null || jwe.getHeader().getCriticalParams() != null) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "The session's cookie cache is not encrypted"
                    + " the way Better Auth encrypts it");
        }
        String kid = jwe.getHeader().getKeyID();
        for (Key key : candidates(kid)) {
            Map<String, Object> claims = decrypt(value, key);
            if (claims != null) {
                if (!(claims.get("exp") instanceof Number exp)) {
                    throw malformed();
                }
                return CookieCachePayload.of(claims, exp.longValue() * 1000);
            }
        }
        throw kid != null && candidates(kid).isEmpty()
                ? new TokenVerificationException(UNKNOWN_KEY, "The session's cookie cache was encrypted with an unknown"
                + " secret")
                : new TokenVerificationException(BAD_SIGNATURE, "The session's cookie cache does not decrypt");
    }

    private List<Key> candidates(String kid) {
        if (kid == null) {
            return keys;
        }
        return keys.stream().filter(key -> key.kid.equals(kid)).toList();
    }

    /** The claims, or null when this key does not decrypt the token (a fresh parse: a JWEObject decrypts once). */
    private static Map<String, Object> decrypt(String value, Key key) throws TokenVerificationException {
        try {
            JWEObject jwe = JWEObject.parse(value);
            jwe.decrypt(new DirectDecrypter(key.bytes));
            Map<String, Object> claims = jwe.getPayload().toJSONObject();
            if (claims == null) {
                throw malformed();
            }
            return claims;
        } catch (ParseException e) {
            throw malformed();
        } catch (JOSEException | RuntimeException e) {
            return null;
        }
    }

    private static TokenVerificationException malformed() {
        return new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
    }

    @Override
    public String toString() {
        return "EncryptedCookieCache[" + keys.size() + " keys]";
    }
}

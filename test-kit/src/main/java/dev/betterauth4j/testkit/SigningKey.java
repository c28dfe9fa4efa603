package dev.betterauth4j.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key that signs test tokens, with the public JWK a key set publishes for it.
 *
 * <p>Asymmetric keys look like the ones Better Auth's {@code jwt} plugin publishes at {@code /api/auth/jwks}: the
 * public JWK carries {@code kid} and {@code alg}. They are generated on first use and kept for the life of the JVM,
 * one per algorithm and {@code kid} ({@link #of(String)}), because RSA key generation takes a noticeable fraction of a
 * second; {@link #fresh(String, String)} makes a new one every call. Ed25519 keys are made and used with the JDK's own
 * provider, so no Tink is needed.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.of("EdDSA");        // Better Auth's default algorithm
 * JwksServer betterAuth = JwksServer.serving(key);
 * String token = betterAuth.token(key).sign();
 * }</pre>
 *
 * @param algorithm  the JWS algorithm this key signs with
 * @param publicJwk  the public JWK, with {@code kid} and {@code alg}, as a key set publishes it; {@code null} for an
 *                   HMAC secret, which is never published
 * @param privateJwk the private JWK for EC and RSA keys; {@code null} for Ed25519 keys (their private half is a JDK
 *                   {@link java.security.PrivateKey} held by the signer) and for HMAC secrets
 * @param signer     the Nimbus signer that produces this key's signatures
 */
public record SigningKey(JWSAlgorithm algorithm, JWK publicJwk, JWK privateJwk, JWSSigner signer) {

    /**
     * The asymmetric algorithms a key can be made for: every algorithm of Better Auth's {@code jwks.keyPairConfig}
     * (EdDSA by default) and every one auth-core can verify with a key set.
     */
    public static final List<String> ASYMMETRIC_ALGORITHMS = List.of(
            "EdDSA", "Ed25519", "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

    /** The HMAC algorithms {@link #hmac(String, String)} accepts (tokens signed with a shared secret). */
    public static final List<String> HMAC_ALGORITHMS = List.of("HS256", "HS384", "HS512");

    private static final Map<String, SigningKey> GENERATED = new ConcurrentHashMap<>();

    /**
     * The key for {@code algorithm} with the {@code kid} {@code "kid-" + algorithm}, generated once per JVM.
     *
     * @param algorithm one of {@link #ASYMMETRIC_ALGORITHMS}
     * @return the shared key for that algorithm
     * @throws IllegalArgumentException if the algorithm is not one of {@link #ASYMMETRIC_ALGORITHMS}
     */
    public static SigningKey of(String algorithm) {
        return of(algorithm, "kid-" + algorithm);
    }

    /**
     * The key for {@code algorithm} and {@code kid}, generated once per JVM: two calls with the same arguments return
     * the same key.
     *
     * @param algorithm one of {@link #ASYMMETRIC_ALGORITHMS}
     * @param kid       the key ID the public JWK carries and tokens name in their header
     * @return the shared key for that algorithm and key ID
     * @throws IllegalArgumentException if the algorithm is not one of {@link #ASYMMETRIC_ALGORITHMS}
     */
    public static SigningKey of(String algorithm, String kid) {
        return GENERATED.computeIfAbsent(algorithm + "/" + kid, k -> generate(JWSAlgorithm.parse(algorithm), kid));
    }

    /**
     * A new key on every call: for "a key this server never published" and key rotation tests.
     *
     * @param algorithm one of {@link #ASYMMETRIC_ALGORITHMS}
     * @param kid       the key ID the public JWK carries
     * @return a newly generated key
     * @throws IllegalArgumentException if the algorithm is not one of {@link #ASYMMETRIC_ALGORITHMS}
     */
    public static SigningKey fresh(String algorithm, String kid) {
        return generate(JWSAlgorithm.parse(algorithm), kid);
    }

    /**
     * A shared secret for HS256 tokens, used as Better Auth uses {@code BETTER_AUTH_SECRET}: its UTF-8 bytes are the
     * HMAC key.
     *
     * @param secret at least 32 bytes in UTF-8
     * @return a key that signs HS256 tokens and has no public JWK
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes
     */
    public static SigningKey hmac(String secret) {
        return hmac(secret, "HS256");
    }

    /**
     * A shared secret for HMAC tokens: its UTF-8 bytes are the key.
     *
     * @param secret    at least as many bytes as the algorithm's hash: 32 for HS256, 48 for HS384, 64 for HS512
     * @param algorithm one of {@link #HMAC_ALGORITHMS}
     * @return a key that signs tokens with that algorithm and has no public JWK
     * @throws IllegalArgumentException if the secret is too short for the algorithm
     */
    public static SigningKey hmac(String secret, String algorithm) {
        try {
            return new SigningKey(JWSAlgorithm.parse(algorithm), null, null,
                    new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The key ID, as the public JWK carries it.
     *
     * @return the {@code kid}, or {@code null} for an HMAC secret
     */
    public String kid() {
        return publicJwk == null ? null : publicJwk.getKeyID();
    }

    /**
     * A key set with this key's public JWK only.
     *
     * @return a one-key set, for {@code BetterAuthVerifier.builder().jwks(...)} or a {@link JwksServer}
     * @throws IllegalStateException for an HMAC secret, which has no public JWK
     */
    public JWKSet jwkSet() {
        if (publicJwk == null) {
            throw new IllegalStateException("An HMAC secret has no public JWK");
        }
        return new JWKSet(publicJwk);
    }

    /**
     * A random key ID, 32 hexadecimal characters.
     *
     * @return a new key ID
     */
    public static String randomKid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static SigningKey generate(JWSAlgorithm alg, String kid) {
        try {
            String name = alg.getName();
            if (name.equals("EdDSA") || name.equals("Ed25519")) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] spki = pair.getPublic().getEncoded();
                byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                        .keyID(kid).algorithm(alg).build();
                return new SigningKey(alg, jwk, null, new JdkEd25519Signer(pair.getPrivate()));
            }
            if (name.equals("ES256") || name.equals("ES384") || name.equals("ES512")) {
                Curve curve = switch (name) {
                    case "ES256" -> Curve.P_256;
                    case "ES384" -> Curve.P_384;
                    default -> Curve.P_521;
                };
                ECKey key = new ECKeyGenerator(curve).keyID(kid).algorithm(alg).generate();
                return new SigningKey(alg, key.toPublicJWK(), key, new ECDSASigner(key));
            }
            if (name.matches("(RS|PS)(256|384|512)")) {
                RSAKey key = new RSAKeyGenerator(2048).keyID(kid).algorithm(alg).generate();
                return new SigningKey(alg, key.toPublicJWK(), key, new RSASSASigner(key));
            }
            throw new IllegalArgumentException("No test key for " + alg + "; the algorithms are "
                    + ASYMMETRIC_ALGORITHMS + " (and " + HMAC_ALGORITHMS + " with SigningKey.hmac)");
        } catch (JOSEException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test key: the public JWK a JWKS publishes (with {@code alg} and {@code kid}, as Better Auth does) and a
 * signer for it. Key generation is slow for RSA, so keys are made once per algorithm and kid.
 */
public record SigningKey(JWSAlgorithm algorithm, JWK publicJwk, JWK privateJwk, JWSSigner signer) {

    private static final Map<String, SigningKey> GENERATED = new ConcurrentHashMap<>();

    public static SigningKey of(String algorithm) {
        return of(algorithm, "kid-" + algorithm);
    }

    public static SigningKey of(String algorithm, String kid) {
        return GENERATED.computeIfAbsent(algorithm + "/" + kid, k -> generate(JWSAlgorithm.parse(algorithm), kid));
    }

    /** A fresh key every call (for "another server's key" tests). */
    public static SigningKey fresh(String algorithm, String kid) {
        return generate(JWSAlgorithm.parse(algorithm), kid);
    }

    public static SigningKey hmac(String secret, String algorithm) {
        try {
            return new SigningKey(JWSAlgorithm.parse(algorithm), null, null,
                    new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return publicJwk == null ? null : publicJwk.getKeyID();
    }

    public JWKSet jwkSet() {
        return new JWKSet(publicJwk);
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
            if (name.startsWith("ES")) {
                Curve curve = switch (name) {
                    case "ES256" -> Curve.P_256;
                    case "ES384" -> Curve.P_384;
                    default -> Curve.P_521;
                };
                ECKey key = new ECKeyGenerator(curve).keyID(kid).algorithm(alg).generate();
                return new SigningKey(alg, key.toPublicJWK(), key, new ECDSASigner(key));
            }
            if (name.startsWith("RS") || name.startsWith("PS")) {
                RSAKey key = new RSAKeyGenerator(2048).keyID(kid).algorithm(alg).generate();
                return new SigningKey(alg, key.toPublicJWK(), key, new RSASSASigner(key));
            }
            throw new IllegalArgumentException("No test key for " + alg);
        } catch (JOSEException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomKid() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}

package dev.betterauth4j.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One algorithm's key and the Better-Auth-shaped token every variant of that algorithm verifies.
 *
 * <p>Header {@code {"alg":..,"kid":<32 chars>}} (no {@code typ}); payload exactly as Better Auth's {@code jwt}
 * plugin writes it (see {@link TestToken#betterAuth}), with {@code exp} a year ahead so the token stays valid for a
 * whole run. HS256 tokens carry no {@code kid}: Better Auth's {@code jwt} plugin never signs with the shared secret
 * (a setup that does signs its own tokens), and Nimbus' {@code ImmutableSecret} has no key id to match one.
 *
 * <p>Keys are generated once per JVM (so per JMH fork): every variant in a fork verifies the very same token.
 */
public final class Fixture {

    /** The algorithms every table covers, in table order. */
    public static final List<String> ALGORITHMS = List.of("EdDSA", "ES256", "ES512", "RS256", "PS256", "HS256");

    /** Better Auth's default base URL in development: its {@code iss} and {@code aud}. */
    public static final String ISSUER = "http://localhost:3000";

    /** A 32-byte (ASCII) secret, not Better Auth's public default. */
    public static final String SECRET = "bench-secret-7f3c9a1e5d2b8046c1f9e3a7d5b20c84";

    /** 32-character key ids, as Better Auth generates them. */
    private static final Map<String, String> KIDS = Map.of(
            "EdDSA", "hG5pLzN0qW3rT8vY2bK6mJ9xC4dF7sA1",
            "ES256", "Qm7nR2xT9vL4kP8wZ3cH6jB1fD5gS0aE",
            "ES512", "Wc4tY8uN1mK6rP3zX9qL2vH7bJ5dF0gA",
            "RS256", "Ld9fS3hK7jQ1wE5rT8yU2iO6pA4zX0cV",
            "PS256", "Bn6mV2cX8zL4kJ1hG7fD3sA9pO5iU0yT");

    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    public final String algorithm;
    public final SigningKey key;
    /** The token's kid, or null (HS256). */
    public final String kid;
    public final String token;
    /** The same token with one bit of one signature byte flipped. */
    public final String flippedToken;
    /** ASCII bytes of {@code header.payload}. */
    public final byte[] signingInput;
    public final byte[] signature;
    public final byte[] flippedSignature;
    /** The public JWK set (null for HS256). */
    public final JWKSet jwkSet;
    /** The JCA public key (null for HS256). */
    public final PublicKey publicKey;
    /** The HMAC key: the secret's UTF-8 bytes, as Better Auth uses them. */
    public final byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);

    private Fixture(String algorithm) {
        this.algorithm = algorithm;
        boolean hmac = algorithm.startsWith("HS");
        this.key = hmac ? SigningKey.hmac(SECRET, algorithm) : SigningKey.of(algorithm, KIDS.get(algorithm));
        this.kid = key.kid();
        this.token = token(key, null);
        int lastDot = token.lastIndexOf('.');
        this.signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        this.signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        this.flippedSignature = signature.clone();
        flippedSignature[flippedSignature.length / 2] ^= 0x01;
        this.flippedToken = token.substring(0, lastDot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(flippedSignature);
        this.jwkSet = hmac ? null : key.jwkSet();
        this.publicKey = hmac ? null : publicKey(key);
    }

    public static Fixture of(String algorithm) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("Unknown algorithm " + algorithm + "; known: " + ALGORITHMS);
        }
        return FIXTURES.computeIfAbsent(algorithm, Fixture::new);
    }

    /**
     * A fresh token for {@code key}, issued a minute ago and valid for a year. With {@code jti} non-null the token
     * also carries that claim (to make many distinct tokens).
     */
    public static String token(SigningKey key, String jti) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(1));
        TestToken token = TestToken.betterAuth(key, ISSUER, issued)
                .claim("exp", issued.plus(Duration.ofDays(365)).getEpochSecond());
        if (jti != null) {
            token.claim("jti", jti);
        }
        return token.signWith(key);
    }

    /** The public key of {@code key} for the JCA (Ed25519 built from its raw 32 bytes). */
    public static PublicKey publicKey(SigningKey key) {
        try {
            if (key.publicJwk() instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (key.publicJwk() instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
            if (key.publicJwk() instanceof OctetKeyPair okp) {
                return ed25519PublicKey(okp.getDecodedX());
            }
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("No public key for " + key.algorithm());
    }

    /** Raw Ed25519 public key bytes (for Tink). */
    public byte[] ed25519RawPublicKey() {
        return ((OctetKeyPair) key.publicJwk()).getDecodedX();
    }

    private static PublicKey ed25519PublicKey(byte[] x) {
        // X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix, then the 32 key bytes.
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] spki = new byte[prefix.length + x.length];
        System.arraycopy(prefix, 0, spki, 0, prefix.length);
        System.arraycopy(x, 0, spki, prefix.length, x.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Fixture[" + algorithm + ", kid=" + kid + ", token " + token.length() + " chars]";
    }
}

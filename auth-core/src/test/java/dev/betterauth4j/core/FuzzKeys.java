package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Fixed test keys for the fuzz targets ({@code fuzz-keys.json}), so the committed seed tokens stay valid, and an
 * independent oracle that checks a signature with the JDK alone.
 */
final class FuzzKeys {

    static final String ISSUER = "https://auth.example.com";
    static final Instant NOW = Instant.parse("2026-11-24T22:20:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
        0x21, 0x00};

    final ECKey es256;
    final OctetKeyPair ed25519Public;
    final PrivateKey ed25519Private;
    final PublicKey ed25519JdkPublic;
    final String secret;

    private FuzzKeys(ECKey es256, OctetKeyPair ed25519Public, PrivateKey ed25519Private, PublicKey ed25519JdkPublic,
                     String secret) {
        this.es256 = es256;
        this.ed25519Public = ed25519Public;
        this.ed25519Private = ed25519Private;
        this.ed25519JdkPublic = ed25519JdkPublic;
        this.secret = secret;
    }

    static FuzzKeys load() {
        try (InputStream in = FuzzKeys.class.getResourceAsStream("fuzz-keys.json")) {
            Map<String, Object> json = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ECKey es256 = ECKey.parse(JSONObjectUtils.getJSONObject(json, "es256"));
            Map<String, Object> ed = JSONObjectUtils.getJSONObject(json, "ed25519");
            Base64URL x = new Base64URL((String) ed.get("x"));
            OctetKeyPair edPublic = new OctetKeyPair.Builder(Curve.Ed25519, x).keyID((String) ed.get("kid"))
                    .algorithm(JWSAlgorithm.EdDSA).build();
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey edPrivate = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode((String) ed.get("pkcs8"))));
            byte[] spki = new byte[44];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, 12);
            System.arraycopy(x.decode(), 0, spki, 12, 32);
            PublicKey edJdkPublic = factory.generatePublic(new X509EncodedKeySpec(spki));
            return new FuzzKeys(es256, edPublic, edPrivate, edJdkPublic, (String) json.get("secret"));
        } catch (IOException | ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("fuzz-keys.json is unusable", e);
        }
    }

    JWKSet publicKeys() {
        return new JWKSet(List.<JWK>of(es256.toPublicJWK(), ed25519Public));
    }

    /** A verifier over the ES256 and Ed25519 public keys, at a fixed instant. */
    BetterAuthVerifier keySetVerifier() {
        return BetterAuthVerifier.builder().issuer(ISSUER).audiences(ISSUER).jwks(publicKeys())
                .algorithms("EdDSA", "ES256").clock(CLOCK).build();
    }

    /** A verifier over the shared secret (HS256), at a fixed instant. */
    BetterAuthVerifier secretVerifier() {
        return BetterAuthVerifier.builder().issuer(ISSUER).audiences(ISSUER).sharedSecret(secret).clock(CLOCK).build();
    }

    String signEs256(String headerJson, String payloadJson) {
        String input = encode(headerJson) + "." + encode(payloadJson);
        try {
            return input + "." + new ECDSASigner(es256).sign(new JWSHeader(JWSAlgorithm.ES256),
                    input.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String signEd25519(String headerJson, String payloadJson) {
        String input = encode(headerJson) + "." + encode(payloadJson);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(ed25519Private);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String signHs256(String headerJson, String payloadJson) {
        String input = encode(headerJson) + "." + encode(payloadJson);
        return input + "." + Base64URL.encode(hmac(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The oracle: whether {@code token}'s signature is valid under one of these keys, checked with the JDK alone
     * (strict base64url, the header's alg, no Nimbus).
     */
    boolean signedByTrustedKey(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            Object alg = JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(parts[0]),
                    StandardCharsets.UTF_8)).get("alg");
            if ("ES256".equals(alg)) {
                Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                verifier.initVerify(es256.toECPublicKey());
                verifier.update(input);
                return verifier.verify(signature);
            }
            if ("EdDSA".equals(alg)) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(ed25519JdkPublic);
                verifier.update(input);
                return verifier.verify(signature);
            }
            if ("HS256".equals(alg)) {
                return MessageDigest.isEqual(hmac(input), signature);
            }
            return false;
        } catch (IllegalArgumentException | ParseException | GeneralSecurityException | JOSEException e) {
            return false;
        }
    }

    private byte[] hmac(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs HS256 with an arbitrary secret, for key-confusion seeds. */
    record HmacWith(String secret) {
        String sign(String headerJson, String payloadJson) {
            String input = encode(headerJson) + "." + encode(payloadJson);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String encode(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

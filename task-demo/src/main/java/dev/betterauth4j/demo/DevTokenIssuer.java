package dev.betterauth4j.demo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dev mode's stand-in for a Better Auth server: a throwaway Ed25519 key, its JWKS in Better Auth's shape, and
 * tokens shaped like the {@code jwt} plugin's (header {@code alg} + {@code kid}; the user's fields, {@code sub},
 * {@code iat}, {@code exp}, {@code iss}, {@code aud}). The demo verifies them through the ordinary JWKS path, as it
 * would verify a real Better Auth app's tokens. Never used outside dev mode.
 */
final class DevTokenIssuer {

    /** A demo user. Ids are fixed, so tasks stay theirs across restarts (the key does not). */
    record DevUser(String id, String name, String email) {
    }

    static final DevUser ALICE = new DevUser("alice", "Alice", "alice@example.com");
    static final DevUser BOB = new DevUser("bob", "Bob", "bob@example.com");
    /** Longer than Better Auth's 15 minutes, so a newcomer's pasted commands keep working for a day. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
        0x21, 0x00};
    private static final String KID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final KeyPair keyPair;
    private final String kid;
    private final URI baseUrl;
    private final Clock clock;

    private DevTokenIssuer(KeyPair keyPair, String kid, URI baseUrl, Clock clock) {
        this.keyPair = keyPair;
        this.kid = kid;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    static DevTokenIssuer generate(URI baseUrl, Clock clock) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            SecureRandom random = new SecureRandom();
            StringBuilder kid = new StringBuilder(32);
            for (int i = 0; i < 32; i++) {
                kid.append(KID_ALPHABET.charAt(random.nextInt(KID_ALPHABET.length())));
            }
            return new DevTokenIssuer(pair, kid.toString(), baseUrl, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate Ed25519 keys", e);
        }
    }

    /** The JWKS document, as Better Auth serves it at {@code /api/auth/jwks}. */
    String jwksJson() {
        byte[] spki = keyPair.getPublic().getEncoded();
        if (spki.length != ED25519_SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
            throw new IllegalStateException("Unexpected Ed25519 public key encoding");
        }
        byte[] x = Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                .algorithm(JWSAlgorithm.EdDSA).keyID(kid).build();
        return new JWKSet(jwk).toString(true);
    }

    /** A token for {@code user}, valid for {@link #TOKEN_LIFETIME}. */
    String issue(DevUser user) {
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", kid);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iat", now.getEpochSecond());
        payload.put("id", user.id());
        payload.put("name", user.name());
        payload.put("email", user.email());
        payload.put("emailVerified", true);
        payload.put("createdAt", "2026-01-01T00:00:00.000Z");
        payload.put("updatedAt", "2026-01-01T00:00:00.000Z");
        payload.put("sub", user.id());
        payload.put("exp", now.plus(TOKEN_LIFETIME).getEpochSecond());
        payload.put("iss", baseUrl.toString());
        payload.put("aud", baseUrl.toString());
        String signingInput = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                + Base64URL.encode(JSONObjectUtils.toJSONString(payload));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keyPair.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64URL.encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the dev token failed", e);
        }
    }

    Instant expiry() {
        return clock.instant().plus(TOKEN_LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}

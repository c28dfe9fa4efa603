package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testsupport.LogCapture;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;

import static dev.betterauth4j.core.TestVerifiers.CLOCK;
import static dev.betterauth4j.core.TestVerifiers.ISSUER;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ed25519 public keys of small order (the eight points of order 1, 2, 4 or 8) verify forged signatures: with
 * R = the identity and S = 0, verification reduces to [k]A = identity, which holds for every message whose hash k is
 * a multiple of A's order. Neither the JDK nor Tink refuses such keys, so key admission does, in every encoding
 * (both sign bits, and the non-canonical encodings with y >= p), whatever the engine. Bouncy Castle refuses them on its
 * own as well; admission does not rely on that.
 */
class SmallOrderEd25519KeyTest {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    /** An Ed25519 encoding: y little-endian in 255 bits, the sign of x in the top bit (RFC 8032, 5.1.2). */
    record Encoding(String point, byte[] bytes) {
        static Encoding of(String point, BigInteger y, int signBit) {
            byte[] bytes = new byte[32];
            byte[] bigEndian = y.toByteArray();
            for (int i = 0; i < bigEndian.length && i < 32; i++) {
                bytes[i] = bigEndian[bigEndian.length - 1 - i];
            }
            bytes[31] |= (byte) (signBit << 7);
            return new Encoding(point + ", sign bit " + signBit, bytes);
        }

        static Encoding ofHex(String point, String hex, int signBit) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            bytes[31] |= (byte) (signBit << 7);
            return new Encoding(point + ", sign bit " + signBit, bytes);
        }

        OctetKeyPair jwk() {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(bytes)).keyID("small-order")
                    .algorithm(JWSAlgorithm.EdDSA).build();
        }

        @Override
        public String toString() {
            return point;
        }
    }

    /**
     * The y coordinates of the low-order points, as in libsodium's blocklist (ed25519_ref10.c, has_small_order):
     * the order-8 ones are copied from there as bytes, the others follow from y = 1, -1 and 0.
     */
    private static final String ORDER_8_Y = "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05";
    private static final String ORDER_8_MINUS_Y = "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a";

    /** The eight points, each in its one valid encoding. */
    static List<Encoding> canonicalSmallOrderPoints() {
        return List.of(
                Encoding.of("identity (order 1), y = 1", BigInteger.ONE, 0),
                Encoding.of("(0, -1) (order 2), y = p - 1", P.subtract(BigInteger.ONE), 0),
                Encoding.of("(+sqrt(-1), 0) (order 4), y = 0", BigInteger.ZERO, 0),
                Encoding.of("(-sqrt(-1), 0) (order 4), y = 0", BigInteger.ZERO, 1),
                Encoding.ofHex("order 8, y = y8", ORDER_8_Y, 0),
                Encoding.ofHex("order 8, y = y8", ORDER_8_Y, 1),
                Encoding.ofHex("order 8, y = -y8", ORDER_8_MINUS_Y, 0),
                Encoding.ofHex("order 8, y = -y8", ORDER_8_MINUS_Y, 1));
    }

    /** Every 32-byte string that decodes, leniently, to one of the eight points. */
    static List<Encoding> everySmallOrderEncoding() {
        List<Encoding> all = new ArrayList<>(canonicalSmallOrderPoints());
        // x = 0 with the sign bit set: RFC 8032 says decoding fails, lenient decoders take it as x = 0.
        all.add(Encoding.of("identity (order 1), y = 1", BigInteger.ONE, 1));
        all.add(Encoding.of("(0, -1) (order 2), y = p - 1", P.subtract(BigInteger.ONE), 1));
        // y >= p: only 0 and 1 have a second, non-canonical 255-bit encoding (p + 19 > 2^255 for the others).
        all.add(Encoding.of("identity (order 1), non-canonical y = p + 1", P.add(BigInteger.ONE), 0));
        all.add(Encoding.of("identity (order 1), non-canonical y = p + 1", P.add(BigInteger.ONE), 1));
        all.add(Encoding.of("(sqrt(-1), 0) (order 4), non-canonical y = p", P, 0));
        all.add(Encoding.of("(sqrt(-1), 0) (order 4), non-canonical y = p", P, 1));
        return all;
    }

    static Stream<Arguments> everySmallOrderEncodingOnEveryEngine() {
        return everySmallOrderEncoding().stream()
                .flatMap(encoding -> Stream.of(Ed25519Engine.values()).map(engine -> Arguments.of(encoding, engine)));
    }

    static Stream<Arguments> eachSmallOrderPointOnEveryEngine() {
        return canonicalSmallOrderPoints().stream()
                .flatMap(encoding -> Stream.of(Ed25519Engine.values()).map(engine -> Arguments.of(encoding, engine)));
    }

    /** y >= p that are not small-order points: not canonical, so not one key's only encoding. */
    static List<Encoding> otherNonCanonicalEncodings() {
        BigInteger top = BigInteger.TWO.pow(255).subtract(BigInteger.ONE);
        return List.of(Encoding.of("y = p + 2", P.add(BigInteger.TWO), 0),
                Encoding.of("y = p + 9", P.add(BigInteger.valueOf(9)), 1),
                Encoding.of("y = 2^255 - 1", top, 0),
                Encoding.of("y = 2^255 - 1", top, 1));
    }

    private static TrustedKeyFactory factory(Ed25519Engine engine) {
        return new TrustedKeyFactory(Set.of(JWSAlgorithm.EdDSA), new DistinctWarnings(
                System.getLogger(BetterAuthVerifier.class.getName())), engine);
    }

    /** A verifier over {@code key} that verifies Ed25519 with {@code engine}, chosen the way applications do. */
    private static BetterAuthVerifier verifierOn(Ed25519Engine engine, JWK key) {
        String previous = System.getProperty(Ed25519Engine.PROPERTY);
        System.setProperty(Ed25519Engine.PROPERTY, engine.settingName());
        try {
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(URI.create(ISSUER))
                    .jwks(new JWKSet(key)).clock(CLOCK).build();
            assertThat(verifier.toString()).contains("ed25519=" + engine.settingName());
            return verifier;
        } finally {
            if (previous == null) {
                System.clearProperty(Ed25519Engine.PROPERTY);
            } else {
                System.setProperty(Ed25519Engine.PROPERTY, previous);
            }
        }
    }

    /**
     * Tokens for any subject, "signed" with R = the identity point and S = 0. Which of them a small-order key
     * accepts depends on the hash k of each; among 64 different {@code jti}s some have k divisible by 8.
     */
    private static List<String> forgedTokens() {
        byte[] signature = new byte[64];
        signature[0] = 1; // the identity (0, 1): y = 1, little-endian; S (the second half) stays 0
        String header = TestToken.encode("{\"alg\":\"EdDSA\",\"kid\":\"small-order\"}");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String payload = TestToken.encode(TestToken.betterAuth(SigningKey.of("EdDSA"), ISSUER, NOW.minusSeconds(30))
                    .claim("sub", "any-user-the-attacker-likes").claim("jti", "forged-" + i).payloadJson());
            tokens.add(header + "." + payload + "." + Base64URL.encode(signature));
        }
        return tokens;
    }

    private static boolean engineAccepts(Ed25519Engine engine, OctetKeyPair key, String token) throws Exception {
        int dot = token.lastIndexOf('.');
        return engine.verifier(key).verify(new JWSHeader(JWSAlgorithm.EdDSA),
                token.substring(0, dot).getBytes(StandardCharsets.US_ASCII), new Base64URL(token.substring(dot + 1)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("eachSmallOrderPointOnEveryEngine")
    void refusesAForgedTokenForEachOfTheEightSmallOrderKeys(Encoding point, Ed25519Engine engine) throws Exception {
        List<String> forged = forgedTokens();
        if (engine == Ed25519Engine.BOUNCY_CASTLE) {
            // Bouncy Castle refuses such a key itself, a second line behind key admission.
            assertThatThrownBy(() -> engine.verifier(point.jwk())).isInstanceOf(JOSEException.class)
                    .hasMessageContaining("Bouncy Castle refused the Ed25519 public key");
        } else {
            long acceptedByTheEngineAlone = 0;
            for (String token : forged) {
                if (engineAccepts(engine, point.jwk(), token)) {
                    acceptedByTheEngineAlone++;
                }
            }
            assertThat(acceptedByTheEngineAlone).as("forgeries the %s engine itself accepts with this key", engine)
                    .isPositive();
        }

        BetterAuthVerifier verifier = verifierOn(engine, point.jwk());
        assertThat(forged).extracting(token -> outcome(verifier, token)).containsOnly(Reason.UNKNOWN_KEY.name());
    }

    /** "accepted", or the reason the token was rejected. */
    private static String outcome(BetterAuthVerifier verifier, String token) {
        try {
            verifier.verify(token);
            return "accepted";
        } catch (TokenVerificationException e) {
            return e.reason().name();
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everySmallOrderEncodingOnEveryEngine")
    void refusesEverySmallOrderEncodingAtAdmissionWithOneWarning(Encoding encoding, Ed25519Engine engine) {
        TrustedKeyFactory factory = factory(engine);
        try (LogCapture logs = LogCapture.start()) {
            assertThat(factory.admit(encoding.jwk())).isEmpty();
            assertThat(factory.admit(encoding.jwk())).isEmpty();

            assertThat(logs.records()).filteredOn(r -> r.getLevel().equals(Level.WARNING))
                    .extracting(r -> r.getMessage())
                    .singleElement().asString().contains("kid=small-order")
                    .containsAnyOf("small-order point", "not canonical");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherNonCanonicalEncodings")
    void refusesAnyEncodingWhoseYIsNotBelowTheFieldPrime(Encoding encoding) {
        for (Ed25519Engine engine : Ed25519Engine.values()) {
            try (LogCapture logs = LogCapture.start()) {
                assertThat(factory(engine).admit(encoding.jwk())).as("%s", engine).isEmpty();
                assertThat(logs.count(Level.WARNING, "not canonical")).as("%s", engine).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void admitsOrdinaryKeys(Ed25519Engine engine) throws Exception {
        TrustedKeyFactory factory = factory(engine);
        for (int i = 0; i < 200; i++) {
            SigningKey key = SigningKey.fresh("EdDSA", "ordinary-" + i);
            assertThat(factory.admit(key.publicJwk())).as("key %d", i).isPresent();
        }
    }

    @Test
    void theCheckFindsExactlyTheEightPointsAmongTheirNeighbours() {
        // Each small-order y and its neighbours y - 1, y + 1: only the points themselves are refused.
        List<BigInteger> smallOrderY = List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
                littleEndian(ORDER_8_Y), littleEndian(ORDER_8_MINUS_Y));
        for (BigInteger y : smallOrderY) {
            assertThat(Ed25519PublicKeyCheck.defect(Encoding.of("", y, 0).bytes())).as("y = %s", y)
                    .contains("small-order point");
            for (BigInteger neighbour : List.of(y.add(BigInteger.ONE), y.subtract(BigInteger.ONE))) {
                if (neighbour.signum() >= 0 && neighbour.compareTo(P) < 0 && !smallOrderY.contains(neighbour)) {
                    assertThat(Ed25519PublicKeyCheck.defect(Encoding.of("", neighbour, 0).bytes()))
                            .as("y = %s", neighbour).isNull();
                }
            }
        }
    }

    private static BigInteger littleEndian(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }
}

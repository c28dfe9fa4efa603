package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDK, Tink and Bouncy Castle Ed25519 engines accept and reject exactly the same signatures. */
class Ed25519EngineTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");
    private static final String LIVE_TOKEN = "eyJhbGciOiJFZERTQSIsImtpZCI6Imx1UGhIY3lCMDBOUDhKTUhYQWpFSElFT2h6SUF5RmM1In0"
            + ".eyJpYXQiOjE3OTU1NTg2OTcsImlkIjoiVmUxWElYV0FUVFZaZEJxRnp4akQ3UGozcjRlUXNaVm8iLCJjcmVhdGVkQXQiOiIyMDI2LTExLTI0VDIyOjE4OjE3LjM0NFoiLCJ1cGRhdGVkQXQiOiIyMDI2LTExLTI0VDIyOjE4OjE3LjM0NFoiLCJlbWFpbCI6ImFsaWNlQGV4YW1wbGUuY29tIiwiZW1haWxWZXJpZmllZCI6ZmFsc2UsIm5hbWUiOiJBbGljZSIsInN1YiI6IlZlMVhJWFdBVFRWWmRCcUZ6eGpEN1BqM3I0ZVFzWlZvIiwiZXhwIjoxNzk1NTU5NTk3LCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAiLCJhdWQiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAifQ"
            + ".uQNLw7YJUGrtcyjbim3AoGU0IZHO4dmvH2rKT5m3l4PB6MKxJkM5ZEd_9fHI_KJo0wTadrrTRUKnSidxSb7IBQ";
    private static final String LIVE_X = "C1TZQN4k25G3Bpq0m8OyWCSxr6vuQj4JdaLwPXlJlHo";

    private static boolean verify(Ed25519Engine engine, OctetKeyPair key, String token) throws Exception {
        JWSVerifier verifier = engine.verifier(key);
        int dot = token.lastIndexOf('.');
        return verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), token.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                new Base64URL(token.substring(dot + 1)));
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void acceptsARealBetterAuthSignature(Ed25519Engine engine) throws Exception {
        OctetKeyPair live = new OctetKeyPair.Builder(com.nimbusds.jose.jwk.Curve.Ed25519, new Base64URL(LIVE_X)).build();
        assertThat(verify(engine, live, LIVE_TOKEN)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void acceptsATestKitSignatureAndRejectsAnotherKeys(Ed25519Engine engine) throws Exception {
        String token = TestVerifiers.token(ED).signWith(ED);
        OctetKeyPair other = (OctetKeyPair) SigningKey.fresh("EdDSA", "other").publicJwk();

        assertThat(verify(engine, (OctetKeyPair) ED.publicJwk(), token)).isTrue();
        assertThat(verify(engine, other, token)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void rejectsTheMalleatedSignatureWithSPlusTheGroupOrder(Ed25519Engine engine) throws Exception {
        String token = TestVerifiers.token(ED).signWith(ED);
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64URL.from(token.substring(dot + 1)).decode();
        BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        BigInteger malleated = new BigInteger(1, reverse(s)).add(order);
        byte[] bytes = reverse(leftPad(malleated.toByteArray(), 32));
        System.arraycopy(bytes, 0, signature, 32, 32);

        assertThat(verify(engine, (OctetKeyPair) ED.publicJwk(), token.substring(0, dot + 1) + Base64URL.encode(signature)))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void rejectsSignaturesOfTheWrongLength(Ed25519Engine engine) throws Exception {
        String token = TestVerifiers.token(ED).signWith(ED);
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64URL.from(token.substring(dot + 1)).decode();
        for (int length : new int[] {0, 32, 63, 65, 128}) {
            String altered = token.substring(0, dot + 1) + Base64URL.encode(Arrays.copyOf(signature, length));
            assertThat(verify(engine, (OctetKeyPair) ED.publicJwk(), altered)).as("length %d", length).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void verifiesThroughTheWholeVerifier(Ed25519Engine engine) throws Exception {
        TrustedKeyFactory factory = new TrustedKeyFactory(java.util.Set.of(JWSAlgorithm.EdDSA),
                new DistinctWarnings(System.getLogger("test")), engine);
        TrustedKey key = factory.admit(ED.publicJwk()).orElseThrow();

        switch (engine) {
            case JDK -> assertThat(key.verifier()).isInstanceOf(JdkEd25519Verifier.class);
            case BOUNCY_CASTLE -> assertThat(key.verifier()).isInstanceOf(BouncyCastleEd25519Verifier.class);
            case TINK -> assertThat(key.verifier()).isNotInstanceOfAny(JdkEd25519Verifier.class,
                    BouncyCastleEd25519Verifier.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Ed25519Engine.class)
    void verifiesATokenThatNamesTheAlgorithmEd25519(Ed25519Engine engine) throws Exception {
        // RFC 9864's name for the same signature; Nimbus 9.37's Tink verifier knows only "EdDSA".
        SigningKey key = SigningKey.of("Ed25519", "rfc9864-name");
        TrustedKeyFactory factory = new TrustedKeyFactory(java.util.Set.of(Ed25519Engine.ED25519),
                new DistinctWarnings(System.getLogger("test")), engine);
        JWSVerifier verifier = factory.admit(key.publicJwk()).orElseThrow().verifier();
        String token = TestVerifiers.token(key).signWith(key);
        int dot = token.lastIndexOf('.');

        assertThat(verifier.verify(new JWSHeader(Ed25519Engine.ED25519),
                token.substring(0, dot).getBytes(StandardCharsets.US_ASCII), new Base64URL(token.substring(dot + 1))))
                .isTrue();
    }

    @Test
    void autoPrefersBouncyCastleThenTinkThenTheJdk() {
        assertThat(Ed25519Engine.BOUNCY_CASTLE.unusable()).isNull();
        assertThat(Ed25519Engine.TINK.unusable()).isNull();
        assertThat(Ed25519Engine.select(null)).isEqualTo(Ed25519Engine.BOUNCY_CASTLE);
        assertThat(Ed25519Engine.select("auto")).isEqualTo(Ed25519Engine.BOUNCY_CASTLE);

        // As on a classpath without Bouncy Castle, and one with neither library.
        assertThat(Ed25519Engine.select("auto", "x",
                engine -> engine == Ed25519Engine.BOUNCY_CASTLE ? "missing" : null)).isEqualTo(Ed25519Engine.TINK);
        assertThat(Ed25519Engine.select(null, "x", engine -> engine == Ed25519Engine.JDK ? null : "missing"))
                .isEqualTo(Ed25519Engine.JDK);
    }

    @Test
    void eachEngineCanBeChosenByName() {
        assertThat(Ed25519Engine.select("JDK")).isEqualTo(Ed25519Engine.JDK);
        assertThat(Ed25519Engine.select("tink")).isEqualTo(Ed25519Engine.TINK);
        assertThat(Ed25519Engine.select(" BouncyCastle ")).isEqualTo(Ed25519Engine.BOUNCY_CASTLE);
        assertThatThrownBy(() -> Ed25519Engine.select("bouncy")).hasMessageContaining("betterauth4j.ed25519")
                .hasMessageContaining("bouncycastle");
    }

    @Test
    void anEngineChosenByNameMustBeUsable() {
        assertThatThrownBy(() -> Ed25519Engine.select("bouncycastle", "ed25519Engine",
                engine -> engine == Ed25519Engine.BOUNCY_CASTLE ? "it is too old" : null))
                .hasMessage("ed25519Engine=bouncycastle, but it is too old");
        assertThat(Ed25519Engine.BOUNCY_CASTLE).extracting(engine -> engine.library)
                .isEqualTo("org.bouncycastle:bcprov-jdk18on 1.78 or later");
    }

    @Test
    void bouncyCastleReleasesBefore178AreNotUsedForEd25519() {
        // 1.73 to 1.77 can loop forever verifying a crafted signature with a crafted key (CVE-2024-30172).
        assertThat(BouncyCastleRelease.version()).isEqualTo("1.87");
        assertThat(BouncyCastleRelease.refusal()).isNull();
        for (String old : new String[] {"1.77", "1.73", "1.77.00.0", "1.70"}) {
            assertThat(BouncyCastleRelease.isFixed(old)).as(old).isFalse();
        }
        for (String fixed : new String[] {"1.78", "1.78.1", "1.87", "2.0", "1.100"}) {
            assertThat(BouncyCastleRelease.isFixed(fixed)).as(fixed).isTrue();
        }
        // No manifest to tell (a repackaged jar): the application's own choice stands.
        assertThat(BouncyCastleRelease.isFixed(null)).isTrue();
    }

    @Test
    void theBuilderAndTheSystemPropertyNameBouncyCastle() {
        BetterAuthVerifier byBuilder = TestVerifiers.builder(ED).ed25519Engine("bouncycastle").build();
        assertThat(byBuilder.toString()).contains("ed25519=bouncycastle");

        String previous = System.getProperty(Ed25519Engine.PROPERTY);
        System.setProperty(Ed25519Engine.PROPERTY, "auto");
        try {
            assertThat(TestVerifiers.builder(ED).build().toString()).contains("ed25519=bouncycastle");
        } finally {
            System.setProperty(Ed25519Engine.PROPERTY, previous == null ? "jdk" : previous);
            if (previous == null) {
                System.clearProperty(Ed25519Engine.PROPERTY);
            }
        }
    }

    /**
     * Every engine gives the same answer for the same bytes: a valid signature, and 400 mutations of it (a flipped
     * bit in R, in S, or in the signed text), with both algorithm names.
     */
    @Test
    void everyEngineGivesTheSameAnswerForMutatedSignatures() throws Exception {
        java.util.Random random = new java.util.Random(20);
        OctetKeyPair key = (OctetKeyPair) ED.publicJwk();
        String token = TestVerifiers.token(ED).signWith(ED);
        int dot = token.lastIndexOf('.');
        byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64URL.from(token.substring(dot + 1)).decode();
        java.util.Map<Ed25519Engine, JWSVerifier> verifiers = new java.util.EnumMap<>(Ed25519Engine.class);
        for (Ed25519Engine engine : Ed25519Engine.values()) {
            verifiers.put(engine, engine.verifier(key));
        }
        int accepted = 0;
        for (int i = 0; i < 400; i++) {
            byte[] mutatedInput = input.clone();
            byte[] mutatedSignature = signature.clone();
            if (i > 0) {
                byte[] target = i % 3 == 0 ? mutatedInput : mutatedSignature;
                target[random.nextInt(target.length)] ^= (byte) (1 << random.nextInt(8));
            }
            JWSHeader header = new JWSHeader(i % 2 == 0 ? JWSAlgorithm.EdDSA : Ed25519Engine.ED25519);
            java.util.Set<Boolean> answers = new java.util.HashSet<>();
            for (JWSVerifier verifier : verifiers.values()) {
                answers.add(verifier.verify(header, mutatedInput, Base64URL.encode(mutatedSignature)));
            }
            assertThat(answers).as("mutation %d", i).hasSize(1);
            accepted += answers.contains(true) ? 1 : 0;
        }
        assertThat(accepted).as("only the unmutated signature").isEqualTo(1);
    }

    @Test
    void theVerifierSaysWhichEngineItUses() {
        assertThat(TestVerifiers.verifier(ED).toString()).contains("ed25519=jdk");
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    private static byte[] leftPad(byte[] bytes, int length) {
        byte[] padded = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, padded, length - copy, copy);
        return padded;
    }
}

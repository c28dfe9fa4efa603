package dev.betterauth4j.core;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testsupport.LogCapture;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.logging.Level;
import java.util.Set;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.CLOCK;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static dev.betterauth4j.core.TestVerifiers.token;
import static org.assertj.core.api.Assertions.assertThat;

/** Which published keys may verify a signature, and what happens to those that may not. */
class KeyAdmissionTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");

    private static BetterAuthVerifier verifierFor(JWK... keys) {
        return BetterAuthVerifier.builder().baseUrl(java.net.URI.create(TestVerifiers.ISSUER))
                .jwks(new JWKSet(java.util.List.of(keys))).clock(CLOCK).build();
    }

    @Test
    void neverVerifiesWithAKeyMeantForEncryption() {
        JWK enc = new OctetKeyPair.Builder((OctetKeyPair) ED.publicJwk()).keyUse(KeyUse.ENCRYPTION).build();
        assertRejected(verifierFor(enc), token(ED).signWith(ED), Reason.UNKNOWN_KEY);
    }

    @Test
    void verifiesWithAKeyMarkedForSignatures() throws Exception {
        JWK sig = new OctetKeyPair.Builder((OctetKeyPair) ED.publicJwk()).keyUse(KeyUse.SIGNATURE).build();
        assertThat(verifierFor(sig).verify(token(ED).signWith(ED)).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void neverVerifiesWithAKeyWhoseKeyOpsLackVerify() {
        JWK wrapOnly = new OctetKeyPair.Builder((OctetKeyPair) ED.publicJwk())
                .keyOperations(Set.of(KeyOperation.WRAP_KEY)).build();
        assertRejected(verifierFor(wrapOnly), token(ED).signWith(ED), Reason.UNKNOWN_KEY);
    }

    @Test
    void neverVerifiesWithAnRsaKeyUnder2048Bits() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        RSAKey weak = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("weak")
                .algorithm(JWSAlgorithm.RS256).build();
        SigningKey weakSigner = new SigningKey(JWSAlgorithm.RS256, weak, null,
                new RSASSASigner(pair.getPrivate(), true));

        assertRejected(verifierFor(weak), token(weakSigner).signWith(weakSigner), Reason.UNKNOWN_KEY);
    }

    @Test
    void neverUsesASymmetricKeyFromAKeySetEvenWhenHmacIsAllowed() {
        OctetSequenceKey oct = new OctetSequenceKey.Builder(("k".repeat(40)).getBytes()).keyID("oct").build();
        SigningKey octSigner = SigningKey.hmac("k".repeat(40), "HS256");
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(java.net.URI.create(TestVerifiers.ISSUER))
                .jwks(new JWKSet(oct)).sharedSecret(SECRET).clock(CLOCK).build();

        assertRejected(verifier, token(octSigner).header("kid", "oct").signWith(octSigner), Reason.BAD_SIGNATURE);
    }

    @Test
    void usesOnlyThePublicPartOfAKeyPublishedWithPrivateMembers() throws Exception {
        SigningKey rsa = SigningKey.of("RS256");
        assertThat(rsa.privateJwk().isPrivate()).isTrue();

        assertThat(verifierFor(rsa.privateJwk()).verify(token(rsa).signWith(rsa)).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void warnsOnceAboutPrivateMembersAcrossManyRefreshes() throws Exception {
        SigningKey rsa = SigningKey.of("RS256", "published-with-private-parts");
        try (JwksServer server = JwksServer.start().publish(rsa.privateJwk());
             LogCapture logs = LogCapture.start();
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clock(CLOCK)
                     .keySet(keys -> keys.cacheTtl(Duration.ofSeconds(1)).refreshRateLimit(Duration.ofMillis(100))
                     .refreshAhead(Duration.ZERO)).build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(verifier.verify(TestToken.betterAuth(rsa, server.issuer(), NOW).signWith(rsa)).id())
                        .isEqualTo(TestToken.USER_ID);
                Thread.sleep(1_100);
            }

            assertThat(server.requestCount()).isGreaterThanOrEqualTo(3);
            assertThat(logs.count(Level.WARNING, "private key members")).isEqualTo(1);
            assertThat(logs.texts()).noneMatch(text -> text.contains(((RSAKey) rsa.privateJwk()).getPrivateExponent()
                    .toString()));
        }
    }

    @Test
    void aKeyWhoseAlgDoesNotFitItsTypeIsSkipped() {
        JWK mislabelled = new OctetKeyPair.Builder((OctetKeyPair) ED.publicJwk()).algorithm(JWSAlgorithm.RS256).build();
        assertRejected(verifierFor(mislabelled), token(ED).signWith(ED), Reason.UNKNOWN_KEY);
    }

    @Test
    void aKeyWithoutAlgVerifiesEveryAllowedAlgorithmOfItsType() throws Exception {
        SigningKey rsa = SigningKey.of("RS256");
        RSAKey noAlg = new RSAKey.Builder((RSAKey) rsa.publicJwk()).algorithm(null).build();
        SigningKey ps = new SigningKey(JWSAlgorithm.PS256, noAlg, null, rsa.signer());

        assertThat(verifierFor(noAlg).verify(token(rsa).signWith(rsa)).id()).isEqualTo(TestToken.USER_ID);
        assertThat(verifierFor(noAlg).verify(token(ps).signWith(ps)).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void aKeyWithAlgVerifiesOnlyThatAlgorithm() {
        SigningKey rsa = SigningKey.of("RS256");
        SigningKey psWithSameKey = new SigningKey(JWSAlgorithm.PS256, rsa.publicJwk(), null, rsa.signer());

        assertRejected(verifierFor(rsa.publicJwk()), token(psWithSameKey).signWith(psWithSameKey),
                Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void twoKeysOfDifferentTypesSharingAKidEachVerifyOnlyTheirOwnAlgorithm() throws Exception {
        SigningKey ed = SigningKey.of("EdDSA", "shared");
        SigningKey rsa = SigningKey.of("RS256", "shared");
        SigningKey es = SigningKey.of("ES256", "shared");
        BetterAuthVerifier verifier = verifierFor(ed.publicJwk(), rsa.publicJwk());

        assertThat(verifier.verify(token(ed).signWith(ed)).id()).isEqualTo(TestToken.USER_ID);
        assertThat(verifier.verify(token(rsa).signWith(rsa)).id()).isEqualTo(TestToken.USER_ID);
        assertRejected(verifier, token(es).signWith(es), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void twoKeysOfTheSameTypeSharingAKidAreBothCandidates() throws Exception {
        SigningKey first = SigningKey.fresh("EdDSA", "same");
        SigningKey second = SigningKey.fresh("EdDSA", "same");
        SigningKey stranger = SigningKey.fresh("EdDSA", "same");
        BetterAuthVerifier verifier = verifierFor(first.publicJwk(), second.publicJwk());

        assertThat(verifier.verify(token(first).signWith(first)).id()).isEqualTo(TestToken.USER_ID);
        assertThat(verifier.verify(token(second).signWith(second)).id()).isEqualTo(TestToken.USER_ID);
        assertRejected(verifier, token(stranger).signWith(stranger), Reason.BAD_SIGNATURE);
    }

    @Test
    void anEcKeyWhosePointIsOffTheCurveIsSkippedAndTheOtherKeysStillWork() throws Exception {
        SigningKey es = SigningKey.of("ES256", "off-curve");
        ECKey good = (ECKey) es.publicJwk();
        BigInteger y = good.getY().decodeToBigInteger().add(BigInteger.ONE);
        String offCurve = good.toJSONString().replace("\"y\":\"" + good.getY() + "\"",
                "\"y\":\"" + Base64URL.encode(y) + "\"");
        try (JwksServer server = JwksServer.start()) {
            server.publishRaw("{\"keys\":[" + offCurve + ",42,{\"kty\":\"nope\"}," + ED.publicJwk().toJSONString() + "]}");
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).clock(CLOCK).build();

            assertRejected(verifier, TestToken.betterAuth(es, server.issuer(), NOW).signWith(es), Reason.UNKNOWN_KEY);
            assertThat(verifier.verify(TestToken.betterAuth(ED, server.issuer(), NOW).signWith(ED)).id())
                    .isEqualTo(TestToken.USER_ID);
        }
    }

    @Test
    void anEd25519KeyOfTheWrongLengthIsSkipped() {
        JWK shortKey = new OctetKeyPair.Builder(com.nimbusds.jose.jwk.Curve.Ed25519, Base64URL.encode(new byte[31]))
                .keyID(ED.kid()).build();
        assertRejected(verifierFor(shortKey), token(ED).signWith(ED), Reason.UNKNOWN_KEY);
    }
}

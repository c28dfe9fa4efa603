package dev.betterauth4j.core;

import dev.betterauth4j.testsupport.Base64URLAlphabet;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static dev.betterauth4j.core.TestVerifiers.ISSUER;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static dev.betterauth4j.core.TestVerifiers.builder;
import static dev.betterauth4j.core.TestVerifiers.token;
import static dev.betterauth4j.core.TestVerifiers.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every {@link Reason}, produced by a token with exactly one defect. */
class RejectionReasonTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");

    static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static void assertRejected(BetterAuthVerifier verifier, String token, Reason reason) {
        assertRejected(() -> verifier.verify(token), reason);
    }

    @Nested
    class Missing {
        @Test
        void rejectsNull() {
            assertRejected(verifier(ED), null, Reason.MISSING);
        }

        @Test
        void rejectsEmpty() {
            assertRejected(verifier(ED), "", Reason.MISSING);
        }

        @Test
        void rejectsBlank() {
            assertRejected(verifier(ED), "   \t ", Reason.MISSING);
        }
    }

    @Nested
    class TooLarge {
        @Test
        void rejectsATokenOverTheDefaultEightKibibytesBeforeDecodingIt() {
            assertRejected(verifier(ED), "a".repeat(8 * 1024 + 1), Reason.TOO_LARGE);
        }

        @Test
        void rejectsAValidlySignedTokenOverTheConfiguredLimit() {
            String token = token(ED).claim("padding", "p".repeat(700)).signWith(ED);
            BetterAuthVerifier verifier = builder(ED).maxTokenLength(1024).build();

            assertThat(token.length()).isGreaterThan(1024);
            assertRejected(verifier, token, Reason.TOO_LARGE);
        }

        @Test
        void acceptsATokenOfExactlyTheLimit() throws Exception {
            String token = token(ED).signWith(ED);
            BetterAuthVerifier verifier = builder(ED).maxTokenLength(Math.max(512, token.length())).build();

            assertThat(verifier.verify(token).id()).isEqualTo(TestToken.USER_ID);
        }
    }

    @Nested
    class Malformed {
        @ParameterizedTest
        @ValueSource(strings = {"not-a-token", "a.b", "a.b.c.d", "....", "a..c", ".b.c", "eyJ.eyJ.sig with space",
                "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln=", "ü.ä.ö", "a\u0000.b.c", "Bearer a.b.c"})
        void rejectsStringsThatAreNotACompactJws(String input) {
            assertRejected(verifier(ED), input, Reason.MALFORMED);
        }

        @Test
        void rejectsAnEncryptedFivePartToken() {
            String jwe = TestToken.encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "..aXY.Y2lwaGVy.dGFn";
            assertRejected(verifier(ED), jwe, Reason.MALFORMED);
        }

        @Test
        void rejectsAHeaderThatIsNotJson() {
            String token = TestToken.encode("not json") + "." + TestToken.encode("{}") + ".c2ln";
            assertRejected(verifier(ED), token, Reason.MALFORMED);
        }

        @Test
        void rejectsAHeaderWithoutAlg() {
            String token = TestToken.encode("{\"kid\":\"kid-EdDSA\"}") + "." + TestToken.encode("{}") + ".c2ln";
            assertRejected(verifier(ED), token, Reason.MALFORMED);
        }

        @Test
        void rejectsAThreePartTokenWithAJweHeader() {
            String token = TestToken.encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "." + TestToken.encode("{}") + ".c2ln";
            assertRejected(verifier(ED), token, Reason.MALFORMED);
        }

        @Test
        void rejectsASignedPayloadThatIsNotJson() {
            String token = TestToken.sign(ED, token(ED).headerJson(), "hello");
            assertRejected(verifier(ED), token, Reason.MALFORMED);
        }

        @Test
        void rejectsASignedPayloadThatIsAJsonArray() {
            String token = TestToken.sign(ED, token(ED).headerJson(), "[\"sub\",\"x\"]");
            assertRejected(verifier(ED), token, Reason.MALFORMED);
        }

        @Test
        void rejectsASignedPayloadWithDuplicateClaimNames() {
            String payload = token(ED).payloadJson().replace("{", "{\"sub\":\"someone-else\",");
            assertRejected(verifier(ED), TestToken.sign(ED, token(ED).headerJson(), payload), Reason.MALFORMED);
        }

        @Test
        void rejectsExpAsAString() {
            assertRejected(verifier(ED), token(ED).claim("exp", "tomorrow").signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsSubAsANumber() {
            assertRejected(verifier(ED), token(ED).claim("sub", 42).signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsAudAsANumber() {
            assertRejected(verifier(ED), token(ED).claim("aud", 7).signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsAnAudArrayWithANonString() {
            assertRejected(verifier(ED), token(ED).claim("aud", List.of(ISSUER, 7)).signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsEmailVerifiedAsAString() {
            assertRejected(verifier(ED), token(ED).claim("emailVerified", "yes").signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsEmailAsAnObject() {
            assertRejected(verifier(ED), token(ED).claim("email", java.util.Map.of("a", 1)).signWith(ED),
                    Reason.MALFORMED);
        }

        @Test
        void rejectsAnExpBeyondTheYear9999() {
            assertRejected(verifier(ED), token(ED).claim("exp", Long.MAX_VALUE).signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsANegativeIat() {
            assertRejected(verifier(ED), token(ED).claim("iat", -5).signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsClaimsNestedTooDeeply() {
            Object nested = "leaf";
            for (int i = 0; i < ClaimsValidator.MAX_DEPTH + 1; i++) {
                nested = List.of(nested);
            }
            assertRejected(verifier(ED), token(ED).claim("deep", nested).signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsTooManyClaims() {
            TestToken token = token(ED);
            for (int i = 0; i < ClaimsValidator.MAX_CLAIMS; i++) {
                token.claim("c" + i, 1);
            }
            assertRejected(builder(ED).maxTokenLength(65_536).build(), token.signWith(ED), Reason.MALFORMED);
        }

        @Test
        void rejectsASignatureWithNonCanonicalPaddingBits() {
            String token = token(ED).signWith(ED);
            char last = token.charAt(token.length() - 1);
            // A 64-byte signature ends in a character that carries 4 padding bits; flip one of them.
            char flipped = Base64URLAlphabet.flipLowBit(last);
            String altered = token.substring(0, token.length() - 1) + flipped;

            assertThat(Base64URL.from(altered.substring(altered.lastIndexOf('.') + 1)).decode())
                    .isEqualTo(Base64URL.from(token.substring(token.lastIndexOf('.') + 1)).decode());
            assertRejected(verifier(ED), altered, Reason.MALFORMED);
        }
    }

    @Nested
    class AlgorithmNotAllowed {
        @Test
        void rejectsAnUnsignedTokenWithAlgNone() {
            String token = TestToken.encode("{\"alg\":\"none\"}") + "." + TestToken.encode(token(ED).payloadJson()) + ".";
            assertRejected(verifier(ED), token, Reason.ALGORITHM_NOT_ALLOWED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "None", "NONE"})
        void rejectsAlgNoneInAnySpellingEvenWithASignature(String none) {
            String token = TestToken.encode("{\"alg\":\"" + none + "\"}") + "."
                    + TestToken.encode(token(ED).payloadJson()) + ".c2lnbmF0dXJl";
            assertRejected(verifier(ED), token, Reason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void rejectsAnHmacTokenWhenOnlyAKeySetIsConfigured() {
            SigningKey hmac = SigningKey.hmac(SECRET, "HS256");
            assertRejected(verifier(ED), token(hmac).signWith(hmac), Reason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void rejectsAnHs256TokenWhoseSecretIsThePublicKey() {
            SigningKey rsa = SigningKey.of("RS256");
            SigningKey confused = SigningKey.hmac(rsa.publicJwk().toJSONString(), "HS256");
            String token = token(confused).header("kid", rsa.kid()).signWith(confused);

            assertRejected(verifier(rsa), token, Reason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void rejectsAnAlgorithmOutsideTheConfiguredAllowList() {
            SigningKey rsa = SigningKey.of("RS256");
            BetterAuthVerifier verifier = builder(ED, rsa).algorithms("EdDSA").build();

            assertRejected(verifier, token(rsa).signWith(rsa), Reason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void rejectsATokenWhoseAlgDiffersFromItsKeysAlg() {
            SigningKey es = SigningKey.of("ES256", ED.kid());
            // Signed by a P-256 key but naming the Ed25519 key's kid: the kid's key verifies EdDSA only.
            assertRejected(verifier(ED), token(es).signWith(es), Reason.ALGORITHM_NOT_ALLOWED);
        }

        @Test
        void rejectsAnUnknownAlgorithmName() {
            String token = TestToken.sign(ED, "{\"alg\":\"XS999\",\"kid\":\"" + ED.kid() + "\"}", token(ED).payloadJson());
            assertRejected(verifier(ED), token, Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    @Nested
    class WrongTokenType {
        @Test
        void rejectsBetterAuthsSessionCacheJwt() {
            String token = token(ED).header("typ", "better-auth.session-cache+jwt")
                    .claim("aud", "better-auth:session-cache").signWith(ED);
            assertRejected(verifier(ED), token, Reason.WRONG_TOKEN_TYPE);
        }

        @Test
        void rejectsAnIdTokenOrLogoutTokenType() {
            assertRejected(verifier(ED), token(ED).header("typ", "logout+jwt").signWith(ED), Reason.WRONG_TOKEN_TYPE);
        }
    }

    @Nested
    class UnknownKey {
        @Test
        void rejectsATokenSignedWithAKeyThatIsNotInTheKeySet() {
            SigningKey stranger = SigningKey.fresh("EdDSA", "stranger");
            assertRejected(verifier(ED), token(stranger).signWith(stranger), Reason.UNKNOWN_KEY);
        }

        @Test
        void rejectsATokenWithoutKidWhenNoKeyFitsItsAlgorithm() {
            SigningKey rsa = SigningKey.of("RS256");
            assertRejected(verifier(ED), token(rsa).header("kid", null).signWith(rsa), Reason.UNKNOWN_KEY);
        }
    }

    @Nested
    class BadSignature {
        @Test
        void rejectsATokenWhosePayloadWasChanged() {
            String token = token(ED).signWith(ED);
            String[] parts = token.split("\\.");
            String forged = TestToken.encode(token(ED).claim("sub", "admin").payloadJson());

            assertRejected(verifier(ED), parts[0] + "." + forged + "." + parts[2], Reason.BAD_SIGNATURE);
        }

        @Test
        void rejectsATokenWhoseHeaderWasChanged() {
            String token = token(ED).signWith(ED);
            String[] parts = token.split("\\.");
            String header = TestToken.encode(token(ED).header("x-extra", "1").headerJson());

            assertRejected(verifier(ED), header + "." + parts[1] + "." + parts[2], Reason.BAD_SIGNATURE);
        }

        @Test
        void rejectsASignatureFromAnotherKeyThatClaimsTheSameKid() {
            SigningKey impostor = SigningKey.fresh("EdDSA", ED.kid());
            assertRejected(verifier(ED), token(impostor).signWith(impostor), Reason.BAD_SIGNATURE);
        }

        @Test
        void rejectsAnEmptySignature() {
            String token = token(ED).signWith(ED);
            assertRejected(verifier(ED), token.substring(0, token.lastIndexOf('.') + 1), Reason.BAD_SIGNATURE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ES256", "ES512", "RS256", "PS256", "EdDSA"})
        void rejectsATruncatedSignature(String algorithm) {
            SigningKey key = SigningKey.of(algorithm);
            String token = token(key).signWith(key);
            int dot = token.lastIndexOf('.') + 1;
            byte[] signature = Base64URL.from(token.substring(dot)).decode();
            String truncated = Base64URL.encode(Arrays.copyOf(signature, signature.length - 6)).toString();
            assertRejected(verifier(key), token.substring(0, dot) + truncated, Reason.BAD_SIGNATURE);
        }

        @Test
        void rejectsAnEcdsaSignatureOfZeros() {
            // CVE-2022-21449 ("psychic signatures"): r = s = 0 must never verify.
            SigningKey es = SigningKey.of("ES256");
            String token = token(es).signWith(es);
            String zeros = Base64URL.encode(new byte[64]).toString();
            assertRejected(verifier(es), token.substring(0, token.lastIndexOf('.') + 1) + zeros, Reason.BAD_SIGNATURE);
        }

        @Test
        void rejectsAMalleatedEd25519SignatureWithSPlusTheGroupOrder() {
            String token = token(ED).signWith(ED);
            byte[] signature = Base64URL.from(token.substring(token.lastIndexOf('.') + 1)).decode();
            BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
            BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64)).add(order);
            byte[] malleated = signature.clone();
            System.arraycopy(toLittleEndian(s, 32), 0, malleated, 32, 32);

            assertThat(s.bitLength()).isLessThanOrEqualTo(256);
            assertRejected(verifier(ED), token.substring(0, token.lastIndexOf('.') + 1) + Base64URL.encode(malleated),
                    Reason.BAD_SIGNATURE);
        }

        @Test
        void rejectsAnHmacTokenSignedWithAnotherSecret() {
            SigningKey other = SigningKey.hmac(SECRET.toUpperCase(), "HS256");
            BetterAuthVerifier verifier = builder(ED).sharedSecret(SECRET).build();

            assertRejected(verifier, token(other).signWith(other), Reason.BAD_SIGNATURE);
        }

        private BigInteger littleEndian(byte[] bytes) {
            byte[] big = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                big[i] = bytes[bytes.length - 1 - i];
            }
            return new BigInteger(1, big);
        }

        private byte[] toLittleEndian(BigInteger value, int length) {
            byte[] big = value.toByteArray();
            byte[] little = new byte[length];
            for (int i = 0; i < length && i < big.length; i++) {
                little[i] = big[big.length - 1 - i];
            }
            return little;
        }
    }

    @Nested
    class Expired {
        @Test
        void rejectsATokenPastItsExpiryPlusTheSkew() {
            String token = token(ED).claim("exp", NOW.minusSeconds(61).getEpochSecond()).signWith(ED);
            assertRejected(verifier(ED), token, Reason.EXPIRED);
        }

        @Test
        void rejectsATokenExactlyAtItsExpiryPlusTheSkew() {
            String token = token(ED).claim("exp", NOW.minusSeconds(60).getEpochSecond()).signWith(ED);
            assertRejected(verifier(ED), token, Reason.EXPIRED);
        }

        @Test
        void acceptsATokenJustInsideTheSkew() throws Exception {
            String token = token(ED).claim("exp", NOW.minusSeconds(59).getEpochSecond()).signWith(ED);
            assertThat(verifier(ED).verify(token).id()).isEqualTo(TestToken.USER_ID);
        }

        @Test
        void rejectsAnExpiredTokenImmediatelyWithZeroSkew() {
            String token = token(ED).claim("exp", NOW.getEpochSecond()).signWith(ED);
            assertRejected(builder(ED).clockSkew(Duration.ZERO).build(), token, Reason.EXPIRED);
        }
    }

    @Nested
    class NotYetValid {
        @Test
        void rejectsATokenWhoseNbfIsBeyondTheSkew() {
            String token = token(ED).claim("nbf", NOW.plusSeconds(61).getEpochSecond()).signWith(ED);
            assertRejected(verifier(ED), token, Reason.NOT_YET_VALID);
        }

        @Test
        void rejectsATokenIssuedInTheFutureBeyondTheSkew() {
            String token = token(ED).claim("iat", NOW.plusSeconds(120).getEpochSecond())
                    .claim("exp", NOW.plusSeconds(1020).getEpochSecond()).signWith(ED);
            assertRejected(verifier(ED), token, Reason.NOT_YET_VALID);
        }

        @Test
        void acceptsAnNbfWithinTheSkew() throws Exception {
            String token = token(ED).claim("nbf", NOW.plusSeconds(30).getEpochSecond()).signWith(ED);
            assertThat(verifier(ED).verify(token).id()).isEqualTo(TestToken.USER_ID);
        }
    }

    @Nested
    class WrongIssuer {
        @Test
        void rejectsAnotherIssuer() {
            assertRejected(verifier(ED), token(ED).claim("iss", "https://evil.example.com").signWith(ED),
                    Reason.WRONG_ISSUER);
        }

        @Test
        void rejectsTheIssuerWithATrailingSlash() {
            assertRejected(verifier(ED), token(ED).claim("iss", ISSUER + "/").signWith(ED), Reason.WRONG_ISSUER);
        }
    }

    @Nested
    class WrongAudience {
        @Test
        void rejectsAnotherAudience() {
            assertRejected(verifier(ED), token(ED).claim("aud", "https://other-api.example.com").signWith(ED),
                    Reason.WRONG_AUDIENCE);
        }

        @Test
        void rejectsAnAudienceArrayWithoutAnAcceptedValue() {
            assertRejected(verifier(ED), token(ED).claim("aud", List.of("api-one", "api-two")).signWith(ED),
                    Reason.WRONG_AUDIENCE);
        }
    }

    @Nested
    class MissingClaim {
        @ParameterizedTest
        @ValueSource(strings = {"sub", "exp", "iss", "aud"})
        void rejectsATokenWithoutARequiredClaim(String claim) {
            assertRejected(verifier(ED), token(ED).without(claim).signWith(ED), Reason.MISSING_CLAIM);
        }

        @Test
        void rejectsAnEmptySubject() {
            assertRejected(verifier(ED), token(ED).claim("sub", "").signWith(ED), Reason.MISSING_CLAIM);
        }

        @Test
        void rejectsAnEmptyAudienceArray() {
            assertRejected(verifier(ED), token(ED).claim("aud", List.of()).signWith(ED), Reason.MISSING_CLAIM);
        }
    }

    @Nested
    class KeySourceUnavailable {
        @Test
        void rejectsWithAnOutageWhenTheKeySetCannotBeFetchedAndNothingIsCached() {
            URI closedPort = URI.create("http://127.0.0.1:9");
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(closedPort)
                    .http(http -> http.connectTimeout(Duration.ofMillis(500)))
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            String token = TestToken.betterAuth(ED, closedPort.toString(), NOW).signWith(ED);

            assertThatThrownBy(() -> verifier.verify(token))
                    .isInstanceOfSatisfying(TokenVerificationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.KEY_SOURCE_UNAVAILABLE);
                        assertThat(e.reason().isOutage()).isTrue();
                    });
        }
    }

    @Test
    void onlyTheUnavailableServicesAndAFullReplayCacheAreOutages() {
        assertThat(Arrays.stream(Reason.values()).filter(Reason::isOutage))
                .containsExactly(Reason.KEY_SOURCE_UNAVAILABLE, Reason.AUTH_SERVER_UNAVAILABLE,
                        Reason.REPLAY_CACHE_FULL);
    }

    @Test
    void onlyAnUntrustedOriginAndAnInsufficientScopeAreForbidden() {
        assertThat(Arrays.stream(Reason.values()).filter(Reason::isForbidden))
                .containsExactly(Reason.UNTRUSTED_ORIGIN, Reason.INSUFFICIENT_SCOPE);
    }

    @Test
    void rejectionMessagesNeverEchoTheToken() {
        String token = token(ED).claim("iss", "https://evil.example.com").signWith(ED);
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> verifier(ED).verify(token)).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(signature).doesNotContain("evil");
            assertThat(e.toString()).doesNotContain(signature);
        });
    }

    @Test
    void rejectsHmacSignedWithThePublicKeyEvenWhenASecretIsConfigured() throws Exception {
        SigningKey rsa = SigningKey.of("RS256");
        SigningKey confused = SigningKey.hmac(rsa.publicJwk().toJSONString(), "HS256");
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(URI.create(ISSUER))
                .jwks(JWKSet.parse(new JWKSet(rsa.publicJwk()).toString())).sharedSecret(SECRET)
                .clock(TestVerifiers.CLOCK).build();

        assertRejected(verifier, token(confused).signWith(confused), Reason.BAD_SIGNATURE);
    }
}

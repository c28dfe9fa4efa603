package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.betterauth4j.core.AccessTokenTest.KEY;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DPoP-bound access tokens (RFC 9449 §7.1): the {@code DPoP} scheme with a proof by the key the token is bound to,
 * checked as Better Auth's own resource server checks it, with proofs this test makes.
 */
class DpopTest {

    static final SigningKey CLIENT = SigningKey.of("ES256", "dpop-client");
    static final String URL = "https://api.example.com/api/tasks";
    static final RequestContext GET = new RequestContext("GET", null, null, URI.create(URL));

    static String boundToken(SigningKey clientKey) {
        return AccessTokenTest.accessToken().claim("cnf", Map.of("jkt", DpopProof.thumbprint(clientKey))).signWith(KEY);
    }

    static DpopProof proof(SigningKey clientKey, String token) {
        return DpopProof.of(clientKey, "GET", URL, token, NOW);
    }

    static AuthenticatedUser present(BetterAuthVerifier verifier, String token, String proof, RequestContext request)
            throws TokenVerificationException {
        return verifier.verify(new Credential.DPoP(token, proof), request);
    }

    static Reason reason(Callable<?> call) {
        return AccessTokenTest.reason(call);
    }

    final BetterAuthVerifier verifier = AccessTokenTest.builder().build();
    final String token = boundToken(CLIENT);

    @Nested
    class AcceptedProofs {

        @ParameterizedTest
        @ValueSource(strings = {"EdDSA", "ES256", "ES512", "PS256", "RS256"})
        void acceptsAFreshProofByTheBoundKeyInEveryAlgorithmBetterAuthAllows(String algorithm) throws Exception {
            SigningKey clientKey = SigningKey.of(algorithm, "dpop-client");
            String bound = boundToken(clientKey);

            AuthenticatedUser caller = present(verifier, bound, proof(clientKey, bound).sign(), GET);

            assertThat(caller.credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
            assertThat(caller.claims()).containsKey("cnf");
        }

        @Test
        void ignoresTheQueryOfTheRequestAndOfTheProof() throws Exception {
            RequestContext withQuery = new RequestContext("GET", null, null, URI.create(URL + "?completed=true"));

            assertThat(present(verifier, token, proof(CLIENT, token).claim("htu", URL + "?x=1").sign(), withQuery)
                    .credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
        }

        @Test
        void comparesTheMethodWithoutRegardToCase() throws Exception {
            assertThat(present(verifier, token, proof(CLIENT, token).claim("htm", "get").sign(), GET).id())
                    .isEqualTo(TestToken.CLIENT_ID);
        }

        @Test
        void comparesTheOriginAsBrowsersDo() throws Exception {
            String htu = "HTTPS://API.EXAMPLE.COM:443/api/tasks";

            assertThat(present(verifier, token, proof(CLIENT, token).claim("htu", htu).sign(), GET).id())
                    .isEqualTo(TestToken.CLIENT_ID);
        }

        @Test
        void acceptsAProofIssuedUpToFiveMinutesAgoOrFiveSecondsAhead() throws Exception {
            String old = proof(CLIENT, token).claim("iat", NOW.minusSeconds(300).getEpochSecond()).sign();
            String ahead = proof(CLIENT, token).claim("iat", NOW.plusSeconds(5).getEpochSecond()).sign();

            assertThat(present(verifier, token, old, GET).id()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(present(verifier, token, ahead, GET).id()).isEqualTo(TestToken.CLIENT_ID);
        }
    }

    @Nested
    class RefusedProofs {

        @Test
        void refusesTheSameProofTwice() throws Exception {
            String proof = proof(CLIENT, token).sign();
            present(verifier, token, proof, GET);

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofForAnotherUrl() {
            String proof = proof(CLIENT, token).claim("htu", "https://api.example.com/api/other").sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofForAnotherHost() {
            String proof = proof(CLIENT, token).claim("htu", "https://evil.example.com/api/tasks").sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofForAnotherMethod() {
            String proof = proof(CLIENT, token).claim("htm", "POST").sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAnHtuWithAFragment() {
            String proof = proof(CLIENT, token).claim("htu", URL + "#part").sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofOlderThanFiveMinutes() {
            String proof = proof(CLIENT, token).claim("iat", NOW.minusSeconds(301).getEpochSecond()).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofMoreThanFiveSecondsAhead() {
            String proof = proof(CLIENT, token).claim("iat", NOW.plusSeconds(6).getEpochSecond()).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofWithoutTheAccessTokenHash() {
            String proof = proof(CLIENT, token).claim("ath", null).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofForAnotherAccessToken() {
            String proof = proof(CLIENT, token).claim("ath", DpopProof.ath(token + "x")).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofByAnotherKeyThanTheTokens() {
            SigningKey other = SigningKey.of("ES256", "other-client");

            assertThat(reason(() -> present(verifier, token, proof(other, token).sign(), GET)))
                    .isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofNotSignedByTheKeyItCarries() {
            String proof = proof(CLIENT, token).signWith(SigningKey.of("ES256", "other-client"));

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofWhoseKeyHasPrivateMembers() {
            String proof = proof(CLIENT, token).header("jwk", CLIENT.privateJwk().toJSONObject()).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesASymmetricKey() {
            String proof = proof(CLIENT, token).header("jwk", Map.of("kty", "oct", "k", "c2VjcmV0")).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofWithoutKey() {
            String proof = proof(CLIENT, token).header("jwk", null).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @ParameterizedTest
        @ValueSource(strings = {"JWT", "at+jwt", "dpop"})
        void refusesAnotherType(String type) {
            String proof = proof(CLIENT, token).header("typ", type).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAProofWithoutType() {
            String proof = proof(CLIENT, token).header("typ", null).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAnAlgorithmBetterAuthDoesNotAllow() {
            SigningKey es384 = SigningKey.of("ES384", "dpop-client");
            String bound = boundToken(es384);

            assertThat(reason(() -> present(verifier, bound, proof(es384, bound).sign(), GET)))
                    .isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAnRsaKeyUnder2048Bits() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair pair = generator.generateKeyPair();
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .build();
            SigningKey weak = new SigningKey(JWSAlgorithm.RS256, jwk.toPublicJWK(), jwk,
                    new RSASSASigner(jwk.toPrivateKey(), true));
            String bound = boundToken(weak);

            assertThat(reason(() -> present(verifier, bound, proof(weak, bound).sign(), GET)))
                    .isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAJtiOver512Characters() {
            String proof = proof(CLIENT, token).claim("jti", "j".repeat(513)).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @ParameterizedTest
        @ValueSource(strings = {"htm", "htu", "jti", "iat"})
        void refusesAProofWithoutARequiredClaim(String claim) {
            String proof = proof(CLIENT, token).claim(claim, null).sign();

            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAMissingProof() {
            assertThat(reason(() -> present(verifier, token, null, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "garbage", "a.b.c", "eyJ.eyJ.x", "a.b.c.d.e", "proof, proof"})
        void refusesGarbage(String proof) {
            assertThat(reason(() -> present(verifier, token, proof, GET))).isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void refusesAnOversizedProofBeforeDecodingIt() {
            assertThat(reason(() -> present(verifier, token, "a".repeat(9000), GET)))
                    .isEqualTo(Reason.INVALID_DPOP_PROOF);
        }
    }

    @Nested
    class Schemes {

        @Test
        void refusesADpopBoundTokenSentAsBearer() {
            assertThat(reason(() -> verifier.verify(new Credential.Bearer(token), GET))).isEqualTo(Reason.WRONG_SCHEME);
        }

        @Test
        void refusesADpopBoundTokenGivenAsAString() {
            assertThat(reason(() -> verifier.verify(token))).isEqualTo(Reason.WRONG_SCHEME);
        }

        @Test
        void refusesADpopBoundTokenInACookie() {
            assertThat(reason(() -> verifier.verify(new Credential.TokenCookie("api_token", token), GET)))
                    .isEqualTo(Reason.WRONG_SCHEME);
        }

        @Test
        void refusesTheDpopSchemeWithAnUnboundAccessToken() {
            String unbound = AccessTokenTest.accessToken().signWith(KEY);

            assertThat(reason(() -> present(verifier, unbound, proof(CLIENT, unbound).sign(), GET)))
                    .isEqualTo(Reason.WRONG_SCHEME);
        }

        @Test
        void refusesTheDpopSchemeWithAPluginToken() {
            String plugin = TestVerifiers.token(KEY).signWith(KEY);

            assertThat(reason(() -> present(verifier, plugin, proof(CLIENT, plugin).sign(), GET)))
                    .isEqualTo(Reason.WRONG_SCHEME);
        }

        @Test
        void refusesTheDpopSchemeWhenAccessTokensAreOff() {
            String plugin = TestVerifiers.token(KEY).signWith(KEY);

            assertThat(reason(() -> present(TestVerifiers.verifier(KEY), plugin, proof(CLIENT, plugin).sign(), GET)))
                    .isEqualTo(Reason.WRONG_SCHEME);
        }

        @Test
        void aDpopCredentialNeedsTheRequestsUrl() {
            String proof = proof(CLIENT, token).sign();

            assertThatThrownBy(() -> present(verifier, token, proof, new RequestContext("GET", null, null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> verifier.verify(new Credential.DPoP(token, proof)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ReplayStore {

        @Test
        void aSharedStoreIsAskedOnceForEachProofWithItsIdentity() throws Exception {
            List<String> seen = new ArrayList<>();
            BetterAuthVerifier shared = AccessTokenTest.builder()
                    .accessTokens(tokens -> tokens.dpopReplayStore((id, expiresAt, now) -> {
                        seen.add(id + " until " + expiresAt);
                        return true;
                    })).build();
            DpopProof proof = proof(CLIENT, token).claim("jti", "jti-1");

            present(shared, token, proof.sign(), GET);

            assertThat(seen).containsExactly(DpopProof.thumbprint(CLIENT) + "\nGET\n" + URL + "\njti-1 until "
                    + NOW.plusSeconds(300));
        }

        @Test
        void aProofTheStoreHasSeenIsRefused() {
            BetterAuthVerifier shared = AccessTokenTest.builder()
                    .accessTokens(tokens -> tokens.dpopReplayStore((id, expiresAt, now) -> false))
                    .build();

            assertThat(reason(() -> present(shared, token, proof(CLIENT, token).sign(), GET)))
                    .isEqualTo(Reason.INVALID_DPOP_PROOF);
        }

        @Test
        void aStoreThatCannotAnswerRefusesTheProof() {
            BetterAuthVerifier shared = AccessTokenTest.builder()
                    .accessTokens(tokens -> tokens.dpopReplayStore((id, expiresAt, now) -> {
                        throw new TokenVerificationException(Reason.AUTH_SERVER_UNAVAILABLE, "The replay store is down");
                    })).build();

            assertThat(reason(() -> present(shared, token, proof(CLIENT, token).sign(), GET)))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        @Test
        void theStoreIsNotAskedAboutAProofThatFailsAnotherCheck() {
            List<String> seen = new ArrayList<>();
            BetterAuthVerifier shared = AccessTokenTest.builder()
                    .accessTokens(tokens -> tokens.dpopReplayStore((id, expiresAt, now) -> seen.add(id)))
                    .build();

            reason(() -> present(shared, token, proof(CLIENT, token).claim("htm", "POST").sign(), GET));

            assertThat(seen).isEmpty();
        }

        @Test
        void aFullInMemoryStoreRefusesNewProofsAsAnOverloadUntilOldOnesExpire() throws Exception {
            MutableClock clock = new MutableClock(NOW);
            BetterAuthVerifier small = AccessTokenTest.builder().clock(clock)
                    .accessTokens(tokens -> tokens.dpopReplayStore(DpopReplayStore.inMemory(1))).build();
            present(small, token, proof(CLIENT, token).sign(), GET);

            Reason full = reason(() -> present(small, token, proof(CLIENT, token).sign(), GET));
            clock.advance(Duration.ofSeconds(301));
            Instant later = clock.instant();
            AuthenticatedUser afterExpiry = present(small, token, DpopProof.of(CLIENT, "GET", URL, token, later).sign(),
                    GET);

            assertThat(full).isEqualTo(Reason.REPLAY_CACHE_FULL);
            assertThat(full.isOutage()).isTrue();
            assertThat(afterExpiry.id()).isEqualTo(TestToken.CLIENT_ID);
        }

        @Test
        void theInMemoryStoreForgetsAProofOnlyAfterItExpired() throws Exception {
            InMemoryDpopReplayStore store = new InMemoryDpopReplayStore(10);
            Instant expiry = NOW.plusSeconds(300);

            assertThat(store.firstUse("proof", expiry, NOW)).isTrue();
            assertThat(store.firstUse("proof", expiry, NOW.plusSeconds(299))).isFalse();
            assertThat(store.firstUse("proof", NOW.plusSeconds(700), NOW.plusSeconds(300))).isTrue();
        }
    }
}

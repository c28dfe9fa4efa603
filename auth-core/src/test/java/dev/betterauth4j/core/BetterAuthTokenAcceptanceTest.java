package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.betterauth4j.core.TestVerifiers.ISSUER;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static dev.betterauth4j.core.TestVerifiers.builder;
import static dev.betterauth4j.core.TestVerifiers.token;
import static dev.betterauth4j.core.TestVerifiers.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BetterAuthTokenAcceptanceTest {

    /** A token and JWKS captured from a live Better Auth 1.7.24 server (shared/better-auth-facts.md §5.1). */
    private static final String LIVE_EDDSA_TOKEN = "eyJhbGciOiJFZERTQSIsImtpZCI6Imx1UGhIY3lCMDBOUDhKTUhYQWpFSElFT2h6SUF5RmM1In0"
            + ".eyJpYXQiOjE3OTU1NTg2OTcsImlkIjoiVmUxWElYV0FUVFZaZEJxRnp4akQ3UGozcjRlUXNaVm8iLCJjcmVhdGVkQXQiOiIyMDI2LTExLTI0VDIyOjE4OjE3LjM0NFoiLCJ1cGRhdGVkQXQiOiIyMDI2LTExLTI0VDIyOjE4OjE3LjM0NFoiLCJlbWFpbCI6ImFsaWNlQGV4YW1wbGUuY29tIiwiZW1haWxWZXJpZmllZCI6ZmFsc2UsIm5hbWUiOiJBbGljZSIsInN1YiI6IlZlMVhJWFdBVFRWWmRCcUZ6eGpEN1BqM3I0ZVFzWlZvIiwiZXhwIjoxNzk1NTU5NTk3LCJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAiLCJhdWQiOiJodHRwOi8vbG9jYWxob3N0OjMwMDAifQ"
            + ".uQNLw7YJUGrtcyjbim3AoGU0IZHO4dmvH2rKT5m3l4PB6MKxJkM5ZEd_9fHI_KJo0wTadrrTRUKnSidxSb7IBQ";
    private static final String LIVE_JWKS = "{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\","
            + "\"x\":\"C1TZQN4k25G3Bpq0m8OyWCSxr6vuQj4JdaLwPXlJlHo\",\"kty\":\"OKP\","
            + "\"kid\":\"luPhHcyB00NP8JMHXAjEHIEOhzIAyFc5\"}]}";

    private static BetterAuthVerifier liveVerifier(Instant now) throws Exception {
        return BetterAuthVerifier.builder()
                .baseUrl(URI.create("http://localhost:3000"))
                .jwks(JWKSet.parse(LIVE_JWKS))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    @Test
    void acceptsTokenIssuedByARealBetterAuthServer() throws Exception {
        AuthenticatedUser user = liveVerifier(Instant.ofEpochSecond(1795558697L + 60)).verify(LIVE_EDDSA_TOKEN);

        assertThat(user.id()).isEqualTo("Ve1XIXWATTVZdBqFzxjD7Pj3r4eQsZVo");
        assertThat(user.email()).isEqualTo("alice@example.com");
        assertThat(user.name()).isEqualTo("Alice");
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.image()).isNull();
        assertThat(user.issuer()).isEqualTo("http://localhost:3000");
        assertThat(user.audience()).containsExactly("http://localhost:3000");
        assertThat(user.issuedAt()).isEqualTo(Instant.ofEpochSecond(1795558697L));
        assertThat(user.expiresAt()).isEqualTo(Instant.ofEpochSecond(1795559597L));
        assertThat(user.claim("createdAt", String.class)).contains("2026-11-24T22:18:17.344Z");
    }

    @Test
    void rejectsTheRealTokenOnceItsFifteenMinutesAndTheSkewHavePassed() throws Exception {
        BetterAuthVerifier verifier = liveVerifier(Instant.ofEpochSecond(1795559597L + 60));

        assertThatThrownBy(() -> verifier.verify(LIVE_EDDSA_TOKEN))
                .isInstanceOfSatisfying(TokenVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenVerificationException.Reason.EXPIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "ES256", "ES512", "RS256", "PS256"})
    void acceptsEveryAlgorithmBetterAuthDocumentsWithTheDefaultAllowList(String algorithm) throws Exception {
        SigningKey key = SigningKey.of(algorithm);

        AuthenticatedUser user = verifier(key).verify(token(key).signWith(key));

        assertThat(user.id()).isEqualTo(TestToken.USER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES384", "RS384", "RS512", "PS384", "PS512", "Ed25519"})
    void acceptsAlgorithmsOutsideBetterAuthsTypesWhenAllowed(String algorithm) throws Exception {
        SigningKey key = SigningKey.of(algorithm);
        BetterAuthVerifier verifier = builder(key).algorithms(algorithm).build();

        assertThat(verifier.verify(token(key).signWith(key)).id()).isEqualTo(TestToken.USER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES384", "RS384", "RS512", "PS384", "PS512"})
    void rejectsAlgorithmsOutsideTheDefaultAllowList(String algorithm) {
        SigningKey key = SigningKey.of(algorithm);

        assertThatThrownBy(() -> verifier(key).verify(token(key).signWith(key)))
                .isInstanceOfSatisfying(TokenVerificationException.class, e -> assertThat(e.reason())
                        .isEqualTo(TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED));
    }

    @Test
    void acceptsHs256TokenSignedWithTheSharedSecret() throws Exception {
        SigningKey secret = SigningKey.hmac(SECRET, "HS256");
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().sharedSecret(SECRET).issuer(ISSUER)
                .audiences(ISSUER).clock(TestVerifiers.CLOCK).build();

        assertThat(verifier.verify(token(secret).signWith(secret)).id()).isEqualTo(TestToken.USER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    void acceptsLongerHmacAlgorithmsWhenAllowedAndTheSecretIsLongEnough(String algorithm) throws Exception {
        String longSecret = SECRET + SECRET;
        SigningKey secret = SigningKey.hmac(longSecret, algorithm);
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().sharedSecret(longSecret).issuer(ISSUER)
                .audiences(ISSUER).algorithms(algorithm).clock(TestVerifiers.CLOCK).build();

        assertThat(verifier.verify(token(secret).signWith(secret)).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void verifiesKeySetAndSecretTokensSideBySideWhenBothAreConfigured() throws Exception {
        SigningKey ed = SigningKey.of("EdDSA");
        SigningKey secret = SigningKey.hmac(SECRET, "HS256");
        BetterAuthVerifier verifier = builder(ed).sharedSecret(SECRET).build();

        assertThat(verifier.verify(token(ed).signWith(ed)).id()).isEqualTo(TestToken.USER_ID);
        assertThat(verifier.verify(token(secret).signWith(secret)).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void mapsBetterAuthUserFieldsAndKeepsAdditionalFieldsAsClaims() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        String token = token(key)
                .claim("emailVerified", true)
                .claim("image", "https://img.example/c.png")
                .claim("role", "admin,editor")
                .claim("plan", Map.of("tier", "pro", "seats", 5))
                .signWith(key);

        AuthenticatedUser user = verifier(key).verify(token);

        assertThat(user.emailVerified()).isTrue();
        assertThat(user.image()).isEqualTo("https://img.example/c.png");
        assertThat(user.claim("role", String.class)).contains("admin,editor");
        assertThat(user.claim("plan", Map.class)).hasValueSatisfying(plan -> assertThat(plan).containsEntry("seats", 5L));
        assertThat(user.issuedAt()).isEqualTo(Instant.ofEpochSecond(NOW.minusSeconds(30).getEpochSecond()));
        assertThat(user.expiresAt()).isEqualTo(user.issuedAt().plusSeconds(900));
    }

    @Test
    void toleratesTheAbsenceOfEveryOptionalUserField() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        String token = token(key).without("email").without("name").without("emailVerified").without("image")
                .without("id").without("createdAt").without("updatedAt").without("iat").signWith(key);

        AuthenticatedUser user = verifier(key).verify(token);

        assertThat(user.id()).isEqualTo(TestToken.USER_ID);
        assertThat(user.email()).isNull();
        assertThat(user.name()).isNull();
        assertThat(user.image()).isNull();
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.issuedAt()).isNull();
    }

    @Test
    void treatsAJsonNullImageAsAbsent() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");

        AuthenticatedUser user = verifier(key).verify(token(key).claim("image", null).signWith(key));

        assertThat(user.image()).isNull();
        assertThat(user.claims()).containsKey("image");
    }

    @Test
    void acceptsAnAudienceArrayWhenOneValueIsAccepted() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        BetterAuthVerifier verifier = builder(key).audiences("api-two").build();

        AuthenticatedUser user = verifier.verify(token(key).claim("aud", List.of("api-one", "api-two")).signWith(key));

        assertThat(user.audience()).containsExactly("api-one", "api-two");
    }

    @Test
    void acceptsATokenWithoutKidAgainstTheKeyThatFitsItsAlgorithm() throws Exception {
        SigningKey ed = SigningKey.of("EdDSA");
        SigningKey rsa = SigningKey.of("RS256");

        AuthenticatedUser user = verifier(ed, rsa).verify(token(rsa).header("kid", null).signWith(rsa));

        assertThat(user.id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void selectsTheKeyByKidAmongSeveralKeys() throws Exception {
        SigningKey first = SigningKey.of("EdDSA", "first");
        SigningKey second = SigningKey.of("EdDSA", "second");

        assertThat(verifier(first, second).verify(token(second).signWith(second)).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void acceptsATypHeaderThatNamesAJwt() throws Exception {
        SigningKey key = SigningKey.of("EdDSA");
        BetterAuthVerifier verifier = verifier(key);

        assertThat(verifier.verify(token(key).header("typ", "JWT").signWith(key)).id()).isEqualTo(TestToken.USER_ID);
        assertThat(verifier.verify(token(key).header("typ", "application/jwt").signWith(key)).id())
                .isEqualTo(TestToken.USER_ID);
    }
}

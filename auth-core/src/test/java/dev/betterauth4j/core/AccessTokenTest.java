package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.betterauth4j.core.TestVerifiers.ISSUER;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth access tokens of Better Auth's OAuth provider as JWTs ({@code typ: at+jwt}, RFC 9068), verified with the same
 * key set as the jwt plugin's tokens, and told apart from every other kind of token that key signs.
 */
class AccessTokenTest {

    static final SigningKey KEY = SigningKey.of("EdDSA");
    static final String PROVIDER = ISSUER + "/api/auth";
    static final String RESOURCE = "https://api.example.com";

    static BetterAuthVerifierBuilder builder() {
        return TestVerifiers.builder(KEY).accessTokens(tokens -> tokens.resource(RESOURCE));
    }

    static TestToken accessToken() {
        return TestToken.accessToken(KEY, PROVIDER, RESOURCE, NOW.minusSeconds(30));
    }

    static AuthenticatedUser verify(BetterAuthVerifier verifier, String token) throws TokenVerificationException {
        return verifier.verify(new Credential.Bearer(token));
    }

    static Reason reason(Callable<?> call) {
        return SessionCredentialsTest.reason(call);
    }

    @Nested
    class WhatTheApplicationSees {

        @Test
        void aClientCredentialsTokenIsTheClientsOwnWithoutAUser() throws Exception {
            AuthenticatedUser caller = verify(builder().build(), accessToken().signWith(KEY));

            assertThat(caller.credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
            assertThat(caller.subjectType()).isEqualTo(SubjectType.CLIENT);
            assertThat(caller.id()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(caller.userId()).isEmpty();
            assertThat(caller.clientId()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(caller.sessionId()).isNull();
            assertThat(caller.scopes()).containsExactlyInAnyOrder("tasks:read", "tasks:write");
            assertThat(caller.issuer()).isEqualTo(PROVIDER);
            assertThat(caller.audience()).containsExactly(RESOURCE);
        }

        @Test
        void aUsersTokenNamesTheUserAndTheSession() throws Exception {
            String token = accessToken().forUser("user-1", "session-1").claim("scope", "openid tasks:read")
                    .claim("aud", List.of(RESOURCE, PROVIDER + "/oauth2/userinfo")).signWith(KEY);

            AuthenticatedUser caller = verify(builder().build(), token);

            assertThat(caller.subjectType()).isEqualTo(SubjectType.USER);
            assertThat(caller.userId()).contains("user-1");
            assertThat(caller.sessionId()).isEqualTo("session-1");
            assertThat(caller.clientId()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(caller.hasScope("tasks:read")).isTrue();
            assertThat(caller.hasScope("tasks:write")).isFalse();
        }

        @Test
        void aTokenWhoseSubjectIsItsClientIsTheClientsEvenWithASession() throws Exception {
            String token = accessToken().claim("sid", "session-1").signWith(KEY);

            assertThat(verify(builder().build(), token).subjectType()).isEqualTo(SubjectType.CLIENT);
        }

        @Test
        void takesTheClientFromAzpWhenThereIsNoClientId() throws Exception {
            String token = accessToken().without("client_id").signWith(KEY);

            AuthenticatedUser caller = verify(builder().build(), token);

            assertThat(caller.clientId()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(caller.subjectType()).isEqualTo(SubjectType.CLIENT);
        }

        @Test
        void aTokenWithoutScopeHasNoScopes() throws Exception {
            assertThat(verify(builder().build(), accessToken().without("scope").signWith(KEY)).scopes()).isEmpty();
        }

        @Test
        void acceptsTheMediaTypeFormOfTheType() throws Exception {
            String token = accessToken().header("typ", "application/at+jwt").signWith(KEY);

            assertThat(verify(builder().build(), token).credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
        }

        @Test
        void theIssuerCanBeConfigured() throws Exception {
            String token = accessToken().claim("iss", "https://issuer.example").signWith(KEY);

            assertThat(verify(builder()
                    .accessTokens(tokens -> tokens.issuer("https://issuer.example")).build(), token).issuer())
                    .isEqualTo("https://issuer.example");
        }

        @Test
        void aCachedAccessTokenIsTheSameAccessToken() throws Exception {
            BetterAuthVerifier verifier = builder().tokenCacheSize(100).build();
            String token = accessToken().signWith(KEY);

            verify(verifier, token);

            assertThat(verify(verifier, token).credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
            assertThat(verifier.cachedTokens()).isEqualTo(1);
        }

        @Test
        void aPluginTokenStaysAPluginTokenBesideAccessTokens() throws Exception {
            AuthenticatedUser caller = verify(builder().build(), TestVerifiers.token(KEY).signWith(KEY));

            assertThat(caller.credential()).isEqualTo(CredentialKind.JWT);
            assertThat(caller.scopes()).isEmpty();
        }
    }

    @Nested
    class ClaimRules {

        @Test
        void refusesATokenForAnotherResource() {
            String token = accessToken().claim("aud", "https://other.example.com").signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.WRONG_AUDIENCE);
        }

        @Test
        void refusesATokenWithoutAudience() {
            assertThat(reason(() -> verify(builder().build(), accessToken().without("aud").signWith(KEY))))
                    .isEqualTo(Reason.MISSING_CLAIM);
        }

        @Test
        void refusesTheJwtPluginsIssuerTheBareOrigin() {
            String token = accessToken().claim("iss", ISSUER).signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.WRONG_ISSUER);
        }

        @Test
        void refusesATokenWithoutExp() {
            assertThat(reason(() -> verify(builder().build(), accessToken().without("exp").signWith(KEY))))
                    .isEqualTo(Reason.MISSING_CLAIM);
        }

        @Test
        void refusesAnExpiredToken() {
            String token = TestToken.accessToken(KEY, PROVIDER, RESOURCE, NOW.minusSeconds(7200)).signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.EXPIRED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "tasks:read  tasks:write", " tasks:read", "tasks:read ", "tasks\"read",
            "tasks\\read", "tâches", "tasks:read\ttasks:write"})
        void refusesAMalformedScopeAsAnInvalidToken(String scope) {
            String token = accessToken().claim("scope", scope).signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void refusesAScopeThatIsNotAString() {
            String token = accessToken().claim("scope", List.of("tasks:read")).signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void refusesAClientIdThatIsNotAString() {
            String token = accessToken().claim("client_id", 42).signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void refusesABindingItCannotCheck() {
            String token = accessToken().claim("cnf", Map.of("x5t#S256", "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2"))
                    .signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void neverVerifiesAnAccessTokenWithTheSharedSecret() {
            SigningKey hmac = SigningKey.hmac(SECRET, "HS256");
            String token = TestToken.accessToken(hmac, PROVIDER, RESOURCE, NOW.minusSeconds(30)).signWith(hmac);

            assertThat(reason(() -> verify(builder().sharedSecret(SECRET).build(), token)))
                    .isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    /** One key signs every kind of token Better Auth issues (FLOWS.md §3.2); only the profiles tell them apart. */
    @Nested
    class EachProfileRefusesTheOthersTokens {

        @Test
        void withoutAResourceAnAccessTokenIsRefusedByThePluginProfile() {
            String token = accessToken().claim("iss", ISSUER).claim("aud", ISSUER).signWith(KEY);

            assertThat(reason(() -> verify(TestVerifiers.verifier(KEY), token))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }

        @Test
        void anAccessTokenWithThePluginsIssuerAndAudienceIsStillRefused() {
            String token = accessToken().claim("iss", ISSUER).claim("aud", ISSUER).signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.WRONG_ISSUER);
        }

        @Test
        void aPluginTokenIsRefusedWhenOnlyAccessTokensAreAccepted() {
            BetterAuthVerifier verifier = builder().pluginTokens(false).build();

            assertThat(reason(() -> verify(verifier, TestVerifiers.token(KEY).signWith(KEY))))
                    .isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }

        @Test
        void aPluginTokenNamingTheResourceAndTheProvidersIssuerIsNoAccessToken() {
            String token = TestVerifiers.token(KEY).claim("iss", PROVIDER).claim("aud", RESOURCE).signWith(KEY);

            assertThat(reason(() -> verify(builder().pluginTokens(false).build(), token)))
                    .isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }

        /** FLOWS.md §3.4: no typ, iss the provider's, aud the client id. */
        static TestToken idToken() {
            return accessToken().header("typ", null).forUser("user-1", "session-1").without("scope")
                    .without("client_id").claim("aud", TestToken.CLIENT_ID).claim("at_hash", "gL6vGntTglCQ")
                    .claim("acr", "0").claim("auth_time", NOW.getEpochSecond());
        }

        @Test
        void anIdTokenIsRefusedByThePluginProfile() {
            assertThat(reason(() -> verify(builder().build(), idToken().signWith(KEY)))).isEqualTo(Reason.WRONG_ISSUER);
        }

        @Test
        void anIdTokenIsRefusedEvenWhenThePluginsIssuerIsTheProviders() {
            BetterAuthVerifier verifier = builder().issuer(PROVIDER).build();

            assertThat(reason(() -> verify(verifier, idToken().signWith(KEY)))).isEqualTo(Reason.WRONG_AUDIENCE);
        }

        @Test
        void anIdTokenIsRefusedByTheAccessTokenProfile() {
            BetterAuthVerifier verifier = builder().pluginTokens(false).build();

            assertThat(reason(() -> verify(verifier, idToken().signWith(KEY)))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }

        /** FLOWS.md §3.9. */
        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void aLogoutTokenIsRefusedByBothProfiles(boolean pluginTokens) {
            String token = idToken().header("typ", "logout+jwt").claim("events",
                    Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())).signWith(KEY);

            assertThat(reason(() -> verify(builder().pluginTokens(pluginTokens).build(), token)))
                    .isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }

        @Test
        void theSessionCacheCookieJwtIsRefusedByBothProfiles() {
            String token = accessToken().header("typ", "better-auth.session-cache+jwt").signWith(KEY);

            assertThat(reason(() -> verify(builder().build(), token))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }
    }
}

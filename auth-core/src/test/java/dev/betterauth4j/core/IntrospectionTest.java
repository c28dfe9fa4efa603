package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.IntrospectionServer;
import dev.betterauth4j.testkit.IntrospectionServer.Mode;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opaque access tokens through RFC 7662 introspection, against a real HTTP stand-in for Better Auth's OAuth provider on
 * loopback ({@link IntrospectionServer}).
 */
class IntrospectionTest {

    static final String RESOURCE = "https://api.example.com";

    private final MutableClock cacheClock = new MutableClock(Instant.now());
    private final IntrospectionServer server = IntrospectionServer.start("client_secret_post", Clock.systemUTC());
    private final List<AutoCloseable> closing = new ArrayList<>(List.of(server));

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : closing) {
            resource.close();
        }
    }

    BetterAuthVerifierBuilder builder() {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).accessTokens(tokens -> tokens.resource(RESOURCE)
                .introspectionClientId(IntrospectionServer.CLIENT_ID)
                .introspectionClientSecret(IntrospectionServer.CLIENT_SECRET)
                .introspectionAuthMethod("client_secret_post")).cacheClock(cacheClock)
                .http(http -> http.readTimeout(Duration.ofSeconds(2)));
    }

    BetterAuthVerifier verifier(BetterAuthVerifierBuilder builder) {
        BetterAuthVerifier verifier = builder.build();
        closing.add(0, verifier);
        return verifier;
    }

    BetterAuthVerifier verifier() {
        return verifier(builder());
    }

    String clientToken(String scope) {
        return server.issue(server.clientClaims(RESOURCE, scope));
    }

    static AuthenticatedUser verify(BetterAuthVerifier verifier, String token) throws TokenVerificationException {
        return verifier.verify(new Credential.Bearer(token));
    }

    static Reason reason(Callable<?> call) {
        return AccessTokenTest.reason(call);
    }

    @Nested
    class Answers {

        @Test
        void anActiveClientTokenIsTheClientsOwn() throws Exception {
            AuthenticatedUser caller = verify(verifier(), clientToken("tasks:read"));

            assertThat(caller.credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
            assertThat(caller.subjectType()).isEqualTo(SubjectType.CLIENT);
            assertThat(caller.id()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(caller.userId()).isEmpty();
            assertThat(caller.scopes()).containsExactly("tasks:read");
            assertThat(caller.audience()).containsExactly(RESOURCE);
            assertThat(caller.issuer()).isEqualTo(server.issuer());
        }

        @Test
        void anActiveUserTokenNamesTheUserAndTheSession() throws Exception {
            Map<String, Object> claims = server.clientClaims(RESOURCE, "openid tasks:read");
            claims.put("sub", "user-1");
            claims.put("sid", "session-1");

            AuthenticatedUser caller = verify(verifier(), server.issue(claims));

            assertThat(caller.userId()).contains("user-1");
            assertThat(caller.sessionId()).isEqualTo("session-1");
        }

        @Test
        void anInactiveTokenIsRefused() {
            assertThat(reason(() -> verify(verifier(), "UnknownTokenUnknownTokenUnknownT")))
                    .isEqualTo(Reason.INACTIVE_TOKEN);
        }

        @Test
        void anAnswerForAnotherResourceIsRefused() {
            String token = server.issue(server.clientClaims("https://other.example.com", "tasks:read"));

            assertThat(reason(() -> verify(verifier(), token))).isEqualTo(Reason.WRONG_AUDIENCE);
        }

        @Test
        void anAnswerWithoutAudienceIsRefusedByDefault() {
            String token = server.issue(server.clientClaims(null, "tasks:read"));

            assertThat(reason(() -> verify(verifier(), token))).isEqualTo(Reason.MISSING_CLAIM);
        }

        @Test
        void anAnswerWithoutAudienceIsAcceptedWhenConfigured() throws Exception {
            String token = server.issue(server.clientClaims(null, "tasks:read"));

            assertThat(verify(verifier(builder()
                    .accessTokens(tokens -> tokens.acceptMissingAudience(true))), token).audience()).isEmpty();
        }

        @Test
        void anAnswerForAnotherResourceIsRefusedEvenWhenMissingAudiencesAreAccepted() {
            String token = server.issue(server.clientClaims("https://other.example.com", "tasks:read"));

            assertThat(reason(() -> verify(verifier(builder()
                    .accessTokens(tokens -> tokens.acceptMissingAudience(true))), token)))
                    .isEqualTo(Reason.WRONG_AUDIENCE);
        }

        @Test
        void anAnswerFromAnotherIssuerIsRefused() {
            Map<String, Object> claims = server.clientClaims(RESOURCE, "tasks:read");
            claims.put("iss", "https://other-issuer.example");

            assertThat(reason(() -> verify(verifier(), server.issue(claims)))).isEqualTo(Reason.WRONG_ISSUER);
        }

        @Test
        void anAnswerWithAMalformedScopeIsAnInvalidToken() {
            assertThat(reason(() -> verify(verifier(), clientToken("tasks:read  tasks:write"))))
                    .isEqualTo(Reason.MALFORMED);
        }

        @Test
        void anAnswerWithoutSubjectOrClientIsRefused() {
            Map<String, Object> claims = server.clientClaims(RESOURCE, "tasks:read");
            claims.remove("client_id");
            claims.remove("azp");

            assertThat(reason(() -> verify(verifier(), server.issue(claims)))).isEqualTo(Reason.MISSING_CLAIM);
        }
    }

    @Nested
    class Calls {

        @Test
        void sendsTheTokenWithItsHintAndTheClientInTheFormForClientSecretPost() throws Exception {
            String token = clientToken("tasks:read");

            verify(verifier(), token);

            assertThat(server.forms()).containsExactly(Map.of("token", token, "token_type_hint", "access_token",
                    "client_id", IntrospectionServer.CLIENT_ID, "client_secret", IntrospectionServer.CLIENT_SECRET));
            assertThat(server.authorizations()).containsExactly("");
        }

        @Test
        void authenticatesWithBasicForClientSecretBasic() throws Exception {
            IntrospectionServer basic = IntrospectionServer.start("client_secret_basic", Clock.systemUTC());
            closing.add(basic);
            BetterAuthVerifier verifier = verifier(builder().baseUrl(basic.baseUrl())
                    .accessTokens(tokens -> tokens.introspectionAuthMethod("client_secret_basic")));
            String token = basic.issue(basic.clientClaims(RESOURCE, "tasks:read"));

            assertThat(verify(verifier, token).id()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(basic.forms().get(0)).doesNotContainKeys("client_id", "client_secret");
            assertThat(basic.authorizations().get(0)).startsWith("Basic ");
        }

        @Test
        void discoversTheEndpointOnceUnderTheBasePath() throws Exception {
            BetterAuthVerifier verifier = verifier();

            verify(verifier, clientToken("tasks:read"));
            verify(verifier, clientToken("tasks:read"));

            assertThat(server.discoveries()).isEqualTo(1);
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void aConfiguredEndpointIsNotDiscovered() throws Exception {
            verify(verifier(builder().accessTokens(tokens -> tokens.introspectionUrl(server.introspectionUrl()))),
                    clientToken("tasks:read"));

            assertThat(server.discoveries()).isZero();
        }

        @Test
        void metadataOfAnotherIssuerIsAnOutage() {
            server.metadata("https://impostor.example/api/auth", null);

            assertThat(reason(() -> verify(verifier(), clientToken("tasks:read"))))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
            assertThat(server.calls()).isZero();
        }

        @Test
        void metadataNamingAPlainHttpEndpointElsewhereIsAnOutage() {
            server.metadata(null, "http://introspection.example.com/introspect");

            assertThat(reason(() -> verify(verifier(), clientToken("tasks:read"))))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not a token", "tok\"en", "ünïcode", "=padding-first"})
        void neverSendsAValueThatCannotBeAToken(String value) {
            assertThat(reason(() -> verify(verifier(), value))).isEqualTo(Reason.MALFORMED);
            assertThat(server.calls()).isZero();
        }

        @Test
        void neverSendsAnOversizedValue() {
            assertThat(reason(() -> verify(verifier(), "a".repeat(9000)))).isEqualTo(Reason.TOO_LARGE);
            assertThat(server.calls()).isZero();
        }

        @Test
        void neverIntrospectsAJwt() {
            assertThat(reason(() -> verify(verifier(), "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln")))
                    .isNotEqualTo(Reason.INACTIVE_TOKEN);
            assertThat(server.calls()).isZero();
        }
    }

    @Nested
    class Cache {

        @Test
        void anActiveAnswerIsUsedForTheTtl() throws Exception {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionCacheTtl(Duration.ofSeconds(30))));
            String token = clientToken("tasks:read");
            verify(verifier, token);

            cacheClock.advance(Duration.ofSeconds(29));
            verify(verifier, token);
            assertThat(server.calls()).isEqualTo(1);

            cacheClock.advance(Duration.ofSeconds(2));
            verify(verifier, token);
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void aRevokedTokenPassesUntilTheTtlEndsThenIsRefused() throws Exception {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionCacheTtl(Duration.ofSeconds(30))));
            String token = clientToken("tasks:read");
            verify(verifier, token);
            server.revoke(token);

            assertThat(verify(verifier, token).id()).isEqualTo(TestToken.CLIENT_ID);
            cacheClock.advance(Duration.ofSeconds(31));
            assertThat(reason(() -> verify(verifier, token))).isEqualTo(Reason.INACTIVE_TOKEN);
        }

        @Test
        void withTtlZeroEveryRequestAsks() throws Exception {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionCacheTtl(Duration.ZERO)));
            String token = clientToken("tasks:read");

            verify(verifier, token);
            verify(verifier, token);

            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void anAnswerIsNeverUsedPastTheTokensExp() throws Exception {
            Map<String, Object> claims = server.clientClaims(RESOURCE, "tasks:read");
            long exp = cacheClock.instant().getEpochSecond() + 10;
            claims.put("exp", exp);
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionCacheTtl(Duration.ofMinutes(30)))
                    .clock(cacheClock).clockSkew(Duration.ZERO));
            String token = server.issue(claims);
            verify(verifier, token);

            cacheClock.advance(Duration.ofSeconds(11));

            assertThat(reason(() -> verify(verifier, token))).isEqualTo(Reason.EXPIRED);
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void anInactiveAnswerIsRememberedForTheNegativeTtl() {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionNegativeCacheTtl(Duration.ofSeconds(5))));
            String unknown = "UnknownTokenUnknownTokenUnknownT";

            reason(() -> verify(verifier, unknown));
            reason(() -> verify(verifier, unknown));
            assertThat(server.calls()).isEqualTo(1);

            cacheClock.advance(Duration.ofSeconds(6));
            reason(() -> verify(verifier, unknown));
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void concurrentRequestsWithTheSameNewTokenMakeOneCall() throws Exception {
            server.delay(Duration.ofMillis(300));
            BetterAuthVerifier verifier = verifier();
            String token = clientToken("tasks:read");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<AuthenticatedUser>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return verify(verifier, token);
                    }));
                }
                start.countDown();
                for (Future<AuthenticatedUser> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS).id()).isEqualTo(TestToken.CLIENT_ID);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.calls()).isEqualTo(1);
        }

        @Test
        void neverRemembersAnOutage() throws Exception {
            BetterAuthVerifier verifier = verifier();
            String token = clientToken("tasks:read");
            server.mode(Mode.ERROR);
            reason(() -> verify(verifier, token));

            server.mode(Mode.SERVE);

            assertThat(verify(verifier, token).id()).isEqualTo(TestToken.CLIENT_ID);
        }
    }

    @Nested
    class Outages {

        @ParameterizedTest
        @EnumSource(value = Mode.class, names = {"ERROR", "GARBAGE", "REDIRECT", "HUGE"})
        void anAnswerThatIsNotAnIntrospectionAnswerIsAnOutage(Mode mode) {
            server.mode(mode);

            assertThat(reason(() -> verify(verifier(), clientToken("tasks:read"))))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        @Test
        void aSlowEndpointIsAnOutageAfterTheReadTimeout() {
            server.delay(Duration.ofSeconds(3));
            long start = System.nanoTime();

            assertThat(reason(() -> verify(verifier(builder().http(http -> http.readTimeout(Duration.ofMillis(500)))),
                    clientToken("tasks:read")))).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }

        @Test
        void refusedClientCredentialsAreAnOutageNotTheTokensFault() {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionClientSecret("wrong-secret-0123456789")));

            assertThat(reason(() -> verify(verifier, clientToken("tasks:read"))))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        @Test
        void theWrongAuthenticationMethodIsAnOutage() {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionAuthMethod("client_secret_basic")));

            assertThat(reason(() -> verify(verifier, clientToken("tasks:read"))))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        @Test
        void aRateLimitIsAnOutageWithItsDelayAndPausesFurtherCalls() {
            server.mode(Mode.RATE_LIMITED);
            BetterAuthVerifier verifier = verifier();
            String token = clientToken("tasks:read");

            TokenVerificationException first = refusal(() -> verify(verifier, token));
            TokenVerificationException second = refusal(() -> verify(verifier, clientToken("tasks:read")));

            assertThat(first.reason()).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
            assertThat(first.retryAfter()).contains(Duration.ofSeconds(42));
            assertThat(second.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
            assertThat(server.calls()).isEqualTo(1);
        }

        @Test
        void anUnreachableEndpointIsAnOutage() {
            BetterAuthVerifier verifier = verifier(builder()
                    .accessTokens(tokens -> tokens.introspectionUrl(URI.create("http://127.0.0.1:9/x")))
                    .http(http -> http.connectTimeout(Duration.ofMillis(300))));

            assertThat(reason(() -> verify(verifier, clientToken("tasks:read"))))
                    .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        static TokenVerificationException refusal(Callable<?> call) {
            try {
                call.call();
            } catch (TokenVerificationException e) {
                return e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            throw new AssertionError("accepted");
        }
    }

    @Nested
    class Binding {

        static final SigningKey CLIENT = SigningKey.of("EdDSA", "dpop-client");
        static final String URL = "https://api.example.com/api/tasks";

        @Test
        void aDpopBoundOpaqueTokenNeedsItsProof() throws Exception {
            Map<String, Object> claims = server.clientClaims(RESOURCE, "tasks:read");
            claims.put("cnf", Map.of("jkt", DpopProof.thumbprint(CLIENT)));
            String token = server.issue(claims);
            BetterAuthVerifier verifier = verifier();
            RequestContext get = new RequestContext("GET", null, null, URI.create(URL));
            String proof = DpopProof.of(CLIENT, "GET", URL, token, Instant.now()).sign();

            assertThat(verifier.verify(new Credential.DPoP(token, proof), get).id()).isEqualTo(TestToken.CLIENT_ID);
            assertThat(reason(() -> verifier.verify(new Credential.Bearer(token), get)))
                    .isEqualTo(Reason.WRONG_SCHEME);
            assertThat(reason(() -> verifier.verify(new Credential.DPoP(token, proof), get)))
                    .as("the same proof again").isEqualTo(Reason.INVALID_DPOP_PROOF);
        }
    }

    /** Which credential a bearer value is, when sessions and introspection are both on. */
    @Nested
    class ShapeDecidesTheKind {

        @Test
        void aValueWithOneDotIsASessionTokenAndOneWithoutIsAnOpaqueAccessToken() throws Exception {
            try (SessionServer sessions = SessionServer.start(TestVerifiers.SECRET)) {
                BetterAuthVerifier verifier = verifier(builder().baseUrl(sessions.baseUrl()).sessions(true)
                        .sharedSecret(TestVerifiers.SECRET)
                        .accessTokens(tokens -> tokens.introspectionUrl(server.introspectionUrl())
                        .issuer(server.issuer())));
                String session = sessions.signIn("alice");
                String opaque = clientToken("tasks:read");

                assertThat(verify(verifier, session).credential()).isEqualTo(CredentialKind.SESSION);
                assertThat(verify(verifier, opaque).credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
                assertThat(sessions.calls()).isEqualTo(1);
                assertThat(server.calls()).isEqualTo(1);
            }
        }

        @Test
        void withoutIntrospectionAValueWithoutDotIsABareSessionToken() {
            try (SessionServer sessions = SessionServer.start(TestVerifiers.SECRET)) {
                BetterAuthVerifier verifier = verifier(BetterAuthVerifier.builder().baseUrl(sessions.baseUrl())
                        .sessions(true).accessTokens(tokens -> tokens.resource(RESOURCE)));

                assertThat(reason(() -> verify(verifier, "NoDotsHereNoDotsHereNoDotsHere12")))
                        .isEqualTo(Reason.BAD_SIGNATURE);
                assertThat(server.calls()).isZero();
            }
        }

        @Test
        void bareSessionTokensAndIntrospectionCannotBeCombined() {
            assertThatThrownBy(() -> builder()
                            .sessions(session -> session.acceptBareTokens(true)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS")
                    .hasMessageContaining("BETTER_AUTH_INTROSPECTION_CLIENT_ID");
        }
    }
}

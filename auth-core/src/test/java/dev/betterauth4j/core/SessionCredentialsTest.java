package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.SessionServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Better Auth session tokens, as the {@code session_token} cookie or the {@code bearer} plugin's value, checked
 * locally and resolved by a real HTTP {@code get-session} stand-in on loopback.
 */
class SessionCredentialsTest {

    static final String COOKIE = "better-auth.session_token";
    static final RequestContext GET = new RequestContext("GET", null, null);

    private final SessionServer server = SessionServer.start(SECRET);
    private final MutableClock cacheClock = new MutableClock(Instant.now());
    private final List<BetterAuthVerifier> verifiers = new ArrayList<>();

    @AfterEach
    void stop() {
        verifiers.forEach(BetterAuthVerifier::close);
        server.close();
    }

    BetterAuthVerifierBuilder builder() {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).sessions(true).sharedSecret(SECRET)
                .cacheClock(cacheClock).http(http -> http.readTimeout(Duration.ofSeconds(2)));
    }

    BetterAuthVerifier verifier(BetterAuthVerifierBuilder builder) {
        BetterAuthVerifier verifier = builder.build();
        verifiers.add(verifier);
        return verifier;
    }

    BetterAuthVerifier verifier() {
        return verifier(builder());
    }

    static AuthenticatedUser viaCookie(BetterAuthVerifier verifier, String signed) throws TokenVerificationException {
        return verifier.verify(new Credential.SessionCookie(COOKIE, SessionServer.cookieValue(signed)), GET);
    }

    static AuthenticatedUser viaBearer(BetterAuthVerifier verifier, String value) throws TokenVerificationException {
        return verifier.verify(new Credential.Bearer(value));
    }

    static Reason reason(Callable<?> call) {
        try {
            call.call();
        } catch (TokenVerificationException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Nested
    class BothForms {
        @Test
        void resolvesTheSessionCookieToItsUser() throws Exception {
            String signed = server.signIn("alice", Map.of("role", "admin"), Duration.ofDays(7));

            AuthenticatedUser user = viaCookie(verifier(), signed);

            assertThat(user.id()).isEqualTo("alice");
            assertThat(user.email()).isEqualTo("alice@example.com");
            assertThat(user.emailVerified()).isTrue();
            assertThat(user.credential()).isEqualTo(CredentialKind.SESSION);
            assertThat(user.sessionId()).isEqualTo(server.session(signed).id());
            assertThat(user.expiresAt()).isEqualTo(server.session(signed).expiresAt());
            assertThat(user.issuer()).isEqualTo(server.baseUrl().toString());
            assertThat(user.claim("role", String.class)).contains("admin");
        }

        @Test
        void resolvesTheBearerPluginsSignedValue() throws Exception {
            String signed = server.signIn("bob");

            assertThat(viaBearer(verifier(), signed).id()).isEqualTo("bob");
        }

        @Test
        void resolvesTheBearerPluginsValueUrlEncoded() throws Exception {
            String signed = server.signIn("bob");

            assertThat(viaBearer(verifier(), SessionServer.cookieValue(signed)).id()).isEqualTo("bob");
        }

        @Test
        void refusesABareBearerTokenUnlessConfigured() {
            String token = SessionServer.tokenOf(server.signIn("carol"));

            assertThat(reason(() -> viaBearer(verifier(), token))).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(server.calls()).isZero();
        }

        @Test
        void acceptsABareBearerTokenWhenConfiguredAndBetterAuthDoes() throws Exception {
            String token = SessionServer.tokenOf(server.signIn("carol"));

            assertThat(viaBearer(verifier(builder()
                    .sessions(session -> session.acceptBareTokens(true))), token).id()).isEqualTo("carol");
        }

        @Test
        void aRememberedBareBearerTokenNeverAuthenticatesAnUnsignedCookie() throws Exception {
            String token = SessionServer.tokenOf(server.signIn("carol"));
            BetterAuthVerifier verifier = verifier(builder().sessions(session -> session.acceptBareTokens(true)));
            viaBearer(verifier, token);

            assertThat(reason(() -> verifier.verify(new Credential.SessionCookie(COOKIE, token), GET)))
                    .isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void neverAcceptsABareTokenInTheCookie() {
            String token = SessionServer.tokenOf(server.signIn("carol"));
            BetterAuthVerifier verifier = verifier(builder().sessions(session -> session.acceptBareTokens(true)));

            assertThat(reason(() -> verifier.verify(new Credential.SessionCookie(COOKIE, token), GET)))
                    .isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void sendsAJwtShapedBearerValueToTheJwtVerifier() {
            assertThat(reason(() -> viaBearer(verifier(), "a.b.c"))).isEqualTo(Reason.MALFORMED);
            assertThat(server.calls()).isZero();
        }

        @Test
        void forwardsOnlyTheCredentialInTheFormItCameIn() throws Exception {
            String signed = server.signIn("alice");
            BetterAuthVerifier verifier = verifier();

            viaCookie(verifier, signed);
            viaBearer(verifier(builder()), signed);

            Map<String, List<String>> cookieCall = server.requestHeaders().get(0);
            Map<String, List<String>> bearerCall = server.requestHeaders().get(1);
            assertThat(cookieCall.get("Cookie")).containsExactly(COOKIE + "=" + SessionServer.cookieValue(signed));
            assertThat(cookieCall).doesNotContainKey("Authorization");
            assertThat(bearerCall.get("Authorization")).containsExactly("Bearer " + signed);
            assertThat(bearerCall).doesNotContainKey("Cookie");
        }
    }

    @Nested
    class LocalCheck {
        @Test
        void refusesAForgedSignatureWithoutCallingBetterAuth() {
            String signed = server.signIn("alice");
            String forged = SessionServer.tokenOf(signed) + "." + "A".repeat(43) + "=";

            assertThat(reason(() -> viaCookie(verifier(), forged))).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(server.calls()).isZero();
        }

        @Test
        void refusesATokenSignedWithAnotherSecretWithoutCallingBetterAuth() {
            try (SessionServer other = SessionServer.start("another-secret-of-at-least-32-bytes-long!!")) {
                String signed = other.signIn("mallory");

                assertThat(reason(() -> viaCookie(verifier(), signed))).isEqualTo(Reason.BAD_SIGNATURE);
                assertThat(server.calls()).isZero();
            }
        }

        @Test
        void refusesGarbledCredentialsWithoutCallingBetterAuth() {
            BetterAuthVerifier verifier = verifier();

            assertThat(reason(() -> viaCookie(verifier, "abc.short="))).isEqualTo(Reason.MALFORMED);
            assertThat(reason(() -> viaCookie(verifier, "a b." + "A".repeat(43) + "="))).isEqualTo(Reason.MALFORMED);
            assertThat(reason(() -> viaCookie(verifier, "abc." + "A".repeat(44)))).isEqualTo(Reason.MALFORMED);
            assertThat(reason(() -> viaCookie(verifier, "x".repeat(5000)))).isEqualTo(Reason.TOO_LARGE);
            assertThat(reason(() -> verifier.verify(new Credential.SessionCookie(COOKIE, "%zz.%"), GET)))
                    .isEqualTo(Reason.MALFORMED);
            assertThat(server.calls()).isZero();
        }

        @Test
        void checksWithTheCurrentOfVersionedSecretsOnly() throws Exception {
            String signed = server.signIn("alice");
            BetterAuthVerifier current = verifier(builder().secrets("2:" + SECRET + ",1:old-secret-old-secret-old-secret"));
            BetterAuthVerifier rotated = verifier(builder().secrets("3:a-newer-secret-a-newer-secret-a-newer,2:" + SECRET));

            assertThat(viaCookie(current, signed).id()).isEqualTo("alice");
            assertThat(reason(() -> viaCookie(rotated, signed))).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void withoutASecretLeavesTheSignatureToBetterAuth() throws Exception {
            String signed = server.signIn("alice");
            String forged = SessionServer.tokenOf(signed) + "." + "A".repeat(43) + "=";
            BetterAuthVerifier verifier = verifier(BetterAuthVerifier.builder().baseUrl(server.baseUrl()).sessions(true)
                    .cacheClock(cacheClock));

            assertThat(viaCookie(verifier, signed).id()).isEqualTo("alice");
            assertThat(reason(() -> viaCookie(verifier, forged))).isEqualTo(Reason.UNKNOWN_SESSION);
            assertThat(server.calls()).isEqualTo(2);
        }
    }

    @Nested
    class Remote {
        @Test
        void refusesAnUnknownOrSignedOutSession() {
            String signed = server.signIn("alice");
            server.signOut(signed);

            assertThat(reason(() -> viaCookie(verifier(), signed))).isEqualTo(Reason.UNKNOWN_SESSION);
        }

        @Test
        void refusesAnExpiredSession() {
            String signed = server.signIn("alice", Map.of(), Duration.ofSeconds(-1));

            assertThat(reason(() -> viaCookie(verifier(), signed))).isIn(Reason.UNKNOWN_SESSION, Reason.EXPIRED);
        }

        @Test
        void anUnreachableBetterAuthIsAnOutage() {
            BetterAuthVerifier verifier = verifier();
            String signed = server.signIn("alice");
            server.close();

            assertThat(reason(() -> viaCookie(verifier, signed))).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
        }

        @Test
        void errorsGarbageRedirectsAndHugeAnswersAreOutages() {
            BetterAuthVerifier verifier = verifier(builder().sessions(session -> session.cacheTtl(Duration.ZERO)
                    .negativeCacheTtl(Duration.ZERO)));
            String signed = server.signIn("alice");
            for (SessionServer.Mode mode : List.of(SessionServer.Mode.UNAVAILABLE, SessionServer.Mode.ERROR,
                    SessionServer.Mode.GARBAGE, SessionServer.Mode.REDIRECT, SessionServer.Mode.HUGE)) {
                server.mode(mode);
                assertThat(reason(() -> viaCookie(verifier, signed))).as(mode.name())
                        .isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
            }
        }

        @Test
        void aSlowBetterAuthIsAnOutageAfterTheReadTimeout() {
            BetterAuthVerifier verifier = verifier(builder().http(http -> http.readTimeout(Duration.ofMillis(300))));
            String signed = server.signIn("alice");
            server.delay(Duration.ofSeconds(3));

            long start = System.nanoTime();
            assertThat(reason(() -> viaCookie(verifier, signed))).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void aRateLimitedBetterAuthIsAnOutageWithItsDelayAndPausesFurtherCalls() {
            BetterAuthVerifier verifier = verifier();
            String alice = server.signIn("alice");
            String bob = server.signIn("bob");
            server.mode(SessionServer.Mode.RATE_LIMITED);
            server.retryAfterSeconds(7);

            assertThatThrownBy(() -> viaCookie(verifier, alice)).isInstanceOfSatisfying(
                    TokenVerificationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    });
            server.mode(SessionServer.Mode.SERVE);
            assertThatThrownBy(() -> viaCookie(verifier, bob)).isInstanceOfSatisfying(
                    TokenVerificationException.class, e -> assertThat(e.retryAfter()).isPresent());
            assertThat(server.calls()).isEqualTo(1);
        }
    }

    @Nested
    class Cache {
        @Test
        void aSessionCostsOneCallPerTtl() throws Exception {
            BetterAuthVerifier verifier = verifier(builder()
                    .sessions(session -> session.cacheTtl(Duration.ofSeconds(30))));
            String signed = server.signIn("alice");

            for (int i = 0; i < 10; i++) {
                viaCookie(verifier, signed);
                viaBearer(verifier, signed);
            }
            assertThat(server.calls()).isEqualTo(1);
            cacheClock.advance(Duration.ofSeconds(31));
            viaCookie(verifier, signed);
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void aSignedOutSessionPassesUntilTheTtlEnds() throws Exception {
            BetterAuthVerifier verifier = verifier(builder()
                    .sessions(session -> session.cacheTtl(Duration.ofSeconds(30))));
            String signed = server.signIn("alice");
            viaCookie(verifier, signed);
            server.signOut(signed);

            assertThat(viaCookie(verifier, signed).id()).isEqualTo("alice");
            cacheClock.advance(Duration.ofSeconds(31));
            assertThat(reason(() -> viaCookie(verifier, signed))).isEqualTo(Reason.UNKNOWN_SESSION);
        }

        @Test
        void aTtlOfZeroRefusesASignedOutSessionAtOnce() throws Exception {
            BetterAuthVerifier verifier = verifier(builder().sessions(session -> session.cacheTtl(Duration.ZERO)));
            String signed = server.signIn("alice");
            viaCookie(verifier, signed);
            server.signOut(signed);

            assertThat(reason(() -> viaCookie(verifier, signed))).isEqualTo(Reason.UNKNOWN_SESSION);
        }

        @Test
        void anEntryNeverOutlivesTheSessionsExpiry() throws Exception {
            BetterAuthVerifier verifier = verifier(builder()
                    .sessions(session -> session.cacheTtl(Duration.ofMinutes(10))));
            String signed = server.signIn("alice", Map.of(), Duration.ofSeconds(5));
            viaCookie(verifier, signed);
            cacheClock.advance(Duration.ofSeconds(6));

            viaCookie(verifier, signed);
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void remembersAnUnknownSessionForTheNegativeTtl() {
            BetterAuthVerifier verifier = verifier(builder()
                    .sessions(session -> session.negativeCacheTtl(Duration.ofSeconds(5))));
            String signed = server.signIn("alice");
            server.signOut(signed);

            reason(() -> viaCookie(verifier, signed));
            reason(() -> viaCookie(verifier, signed));
            assertThat(server.calls()).isEqualTo(1);
            cacheClock.advance(Duration.ofSeconds(6));
            reason(() -> viaCookie(verifier, signed));
            assertThat(server.calls()).isEqualTo(2);
        }

        @Test
        void neverRemembersAnOutage() {
            BetterAuthVerifier verifier = verifier();
            String signed = server.signIn("alice");
            server.mode(SessionServer.Mode.UNAVAILABLE);
            reason(() -> viaCookie(verifier, signed));
            server.mode(SessionServer.Mode.SERVE);

            assertThat(reason(() -> {
                viaCookie(verifier, signed);
                throw new TokenVerificationException(Reason.MISSING, "accepted");
            })).isEqualTo(Reason.MISSING);
        }

        @Test
        void concurrentRequestsWithTheSameNewSessionMakeOneCall() throws Exception {
            BetterAuthVerifier verifier = verifier();
            String signed = server.signIn("alice");
            server.delay(Duration.ofMillis(300));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return viaCookie(verifier, signed).id();
                    }));
                }
                start.countDown();
                for (Future<String> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("alice");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.calls()).isEqualTo(1);
        }

        @Test
        void boundsTheCallsToBetterAuthThatRunAtOnce() throws Exception {
            BetterAuthVerifier verifier = verifier(builder().sessions(session -> session.maxConcurrentCalls(2)));
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sessions.add(server.signIn("user" + i));
            }
            server.delay(Duration.ofMillis(200));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (String signed : sessions) {
                    results.add(pool.submit(() -> viaCookie(verifier, signed).id()));
                }
                for (Future<String> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS)).startsWith("user");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.mostConcurrentCalls()).isLessThanOrEqualTo(2);
        }

        @Test
        void keysEntriesByTheWholeSignedValueSoAKnownTokenWithAnotherSignatureIsNoHit() throws Exception {
            BetterAuthVerifier verifier = verifier(BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                    .sessions(true).cacheClock(cacheClock));
            String signed = server.signIn("alice");
            viaCookie(verifier, signed);
            String otherSignature = SessionServer.tokenOf(signed) + "." + "B".repeat(43) + "=";

            assertThat(reason(() -> viaCookie(verifier, otherSignature))).isEqualTo(Reason.UNKNOWN_SESSION);
        }
    }

    @Nested
    class CrossSiteRequests {
        @Test
        void refusesACookieOnAStateChangingRequestWithoutOrigin() {
            String signed = server.signIn("alice");
            Credential cookie = new Credential.SessionCookie(COOKIE, SessionServer.cookieValue(signed));

            assertThat(reason(() -> verifier().verify(cookie, new RequestContext("POST", null, null))))
                    .isEqualTo(Reason.UNTRUSTED_ORIGIN);
            assertThat(server.calls()).isZero();
        }

        @Test
        void refusesACookieOnAStateChangingRequestFromAnotherOrigin() {
            String signed = server.signIn("alice");
            Credential cookie = new Credential.SessionCookie(COOKIE, SessionServer.cookieValue(signed));

            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                assertThat(reason(() -> verifier().verify(cookie,
                        new RequestContext(method, "https://evil.example", null)))).isEqualTo(Reason.UNTRUSTED_ORIGIN);
            }
        }

        @Test
        void acceptsACookieOnAStateChangingRequestFromBetterAuthsOriginOrATrustedOne() throws Exception {
            String signed = server.signIn("alice");
            Credential cookie = new Credential.SessionCookie(COOKIE, SessionServer.cookieValue(signed));
            BetterAuthVerifier verifier = verifier(builder().trustedOrigins(List.of("https://app.example.com",
                    "https://*.tenants.example.com")));

            assertThat(verifier.verify(cookie, new RequestContext("POST", server.baseUrl().toString(), null)).id())
                    .isEqualTo("alice");
            assertThat(verifier.verify(cookie, new RequestContext("DELETE", "https://app.example.com", null)).id())
                    .isEqualTo("alice");
            assertThat(verifier.verify(cookie, new RequestContext("PUT", "https://a.tenants.example.com", null)).id())
                    .isEqualTo("alice");
            assertThat(verifier.verify(cookie, new RequestContext("POST", null, "https://app.example.com/page?x=1"))
                    .id()).isEqualTo("alice");
        }

        @Test
        void acceptsACookieOnASafeRequestFromAnywhere() throws Exception {
            String signed = server.signIn("alice");
            Credential cookie = new Credential.SessionCookie(COOKIE, SessionServer.cookieValue(signed));

            assertThat(verifier().verify(cookie, new RequestContext("GET", "https://evil.example", null)).id())
                    .isEqualTo("alice");
        }

        @Test
        void neverChecksTheOriginOfABearerCredential() throws Exception {
            String signed = server.signIn("alice");

            assertThat(verifier().verify(new Credential.Bearer(signed), new RequestContext("POST", null, null)).id())
                    .isEqualTo("alice");
        }

        @Test
        void refusesToVerifyACookieWithoutTheRequest() {
            assertThatThrownBy(() -> verifier().verify(new Credential.SessionCookie(COOKIE, "x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Configuration {
        @Test
        void sessionsNeedTheBaseUrl() {
            assertThatThrownBy(() -> BetterAuthVerifier.builder().sharedSecret(SECRET).issuer("i").audiences("a")
                    .sessions(true).build()).hasMessageContaining("sessions (BETTER_AUTH_SESSIONS) needs baseUrl");
        }

        @Test
        void namesTheSessionCookiesWithThePrefix() {
            assertThat(verifier(builder().cookiePrefix("myapp")).sessionCookieNames())
                    .containsExactly("__Secure-myapp.session_token", "myapp.session_token");
            assertThat(verifier(BetterAuthVerifier.builder().baseUrl(server.baseUrl())).sessionCookieNames()).isEmpty();
        }

        @Test
        void readsTheSessionSettingsFromTheEnvironment() {
            BetterAuthVerifier verifier = BetterAuthVerifier.fromEnvironment(Map.of(
                    "BETTER_AUTH_URL", server.baseUrl().toString(), "BETTER_AUTH_SESSIONS", "true",
                    "BETTER_AUTH_SECRET", SECRET, "BETTER_AUTH_SESSION_CACHE_TTL", "10s",
                    "BETTER_AUTH_COOKIE_PREFIX", "myapp", "BETTER_AUTH_TRUSTED_ORIGINS", "https://app.example.com"));
            verifiers.add(verifier);

            assertThat(verifier.toString()).contains("sessions=" + server.baseUrl() + "/api/auth/get-session")
                    .contains("cache PT10S").contains("https://app.example.com").doesNotContain(SECRET);
            assertThat(verifier.sessionCookieNames()).contains("myapp.session_token");
        }

        @Test
        void refusesAMalformedVersionedSecretWithoutShowingIt() {
            assertThatThrownBy(() -> builder().secrets("2:" + SECRET + ",nonsense").build())
                    .hasMessageContaining("BETTER_AUTH_SECRETS").hasMessageNotContaining(SECRET);
            assertThatThrownBy(() -> builder().secrets("1:" + SECRET + ",1:" + SECRET).build())
                    .hasMessageContaining("appears twice");
        }
    }
}

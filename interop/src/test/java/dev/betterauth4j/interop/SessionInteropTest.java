package dev.betterauth4j.interop;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.CredentialKind;
import dev.betterauth4j.core.RequestContext;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.servlet.BetterAuthFilter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Better Auth session credentials from a real Better Auth 1.7.25: the {@code session_token} cookie and the
 * {@code bearer} plugin's {@code set-auth-token}, through auth-core, the filter on Jetty and Tomcat, and the demo jar.
 * A {@link CountingProxy} sits between the verifier and Better Auth and counts {@code get-session} calls.
 */
@Tag("interop")
class SessionInteropTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final RequestContext GET = new RequestContext("GET", null, null);

    static BetterAuthVerifierBuilder verifier(CountingProxy proxy) {
        return BetterAuthVerifier.builder().baseUrl(proxy.origin()).sessions(true)
                .sharedSecret(BetterAuthServer.SECRET);
    }

    static Credential cookie(BetterAuthClient.Session session) {
        return new Credential.SessionCookie(session.sessionCookieName(), session.sessionCookieValue());
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

    @Test
    void theSessionCookieAndTheBearerPluginTokenOfARealSignUpVerify() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start();
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy).build()) {
            BetterAuthClient.Session alice = server.client().signUp("Alice", Map.of("role", "admin"));

            AuthenticatedUser byCookie = verifier.verify(cookie(alice), GET);
            AuthenticatedUser byBearer = verifier.verify(new Credential.Bearer(alice.bearerToken()));

            assertThat(alice.sessionCookieName()).isEqualTo("better-auth.session_token");
            assertThat(byCookie.id()).isEqualTo(alice.userId()).isEqualTo(byBearer.id());
            assertThat(byCookie.email()).isEqualTo(alice.email());
            assertThat(byCookie.credential()).isEqualTo(CredentialKind.SESSION);
            assertThat(byCookie.sessionId()).isNotBlank().isEqualTo(byBearer.sessionId());
            assertThat(byCookie.claim("role", String.class)).contains("admin");
            assertThat(proxy.getSessionCalls()).as("one call; the cookie and the bearer form share the entry")
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(FilteredApp.Container.class)
    void theFilterAuthenticatesBothFormsAndRefusesAForgedOneWithoutACall(FilteredApp.Container container)
            throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start();
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy).build();
             FilteredApp app = FilteredApp.start(container, BetterAuthFilter.builder(verifier).build())) {
            BetterAuthClient.Session bob = server.client().signUp("Bob");
            String expected = bob.userId() + " " + bob.email() + " SESSION";

            HttpResponse<String> byCookie = send("GET", app.uri("/whoami"), "Cookie", bob.sessionCookie());
            HttpResponse<String> byBearer = send("GET", app.uri("/whoami"), "Authorization",
                    "Bearer " + bob.bearerToken());
            HttpResponse<String> post = send("POST", app.uri("/whoami"), "Cookie", bob.sessionCookie());
            HttpResponse<String> trustedPost = send("POST", app.uri("/whoami"), "Cookie", bob.sessionCookie(),
                    "Origin", proxy.origin().toString());
            int calls = proxy.getSessionCalls();
            String forged = bob.bareToken() + "." + "A".repeat(43) + "=";
            HttpResponse<String> forgery = send("GET", app.uri("/whoami"), "Authorization", "Bearer " + forged);

            assertThat(byCookie.statusCode()).isEqualTo(200);
            assertThat(byCookie.body()).isEqualTo(expected);
            assertThat(byBearer.body()).isEqualTo(expected);
            assertThat(post.statusCode()).as("a cookie POST without Origin").isEqualTo(403);
            assertThat(trustedPost.statusCode()).isEqualTo(200);
            assertThat(forgery.statusCode()).isEqualTo(401);
            assertThat(forgery.body()).contains("BAD_SIGNATURE");
            assertThat(proxy.getSessionCalls()).as("the forgery made no call").isEqualTo(calls);
        }
    }

    @Test
    void theDemoJarAcceptsTheSessionCookieAndTheBearerToken(@TempDir Path dir) throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start();
             CountingProxy proxy = new CountingProxy(server.baseUrl())) {
            BetterAuthClient.Session carol = server.client().signUp("Carol");
            BetterAuthClient.Session dave = server.client().signUp("Dave");
            try (DemoProcess demo = DemoProcess.start(dir, Map.of("BETTER_AUTH_URL", proxy.origin().toString(),
                    "BETTER_AUTH_SESSIONS", "true", "BETTER_AUTH_SECRET", BetterAuthServer.SECRET))) {
                HttpResponse<String> created = sendJson("POST", demo.uri("/api/tasks"), "{\"title\":\"by cookie\"}",
                        "Cookie", carol.sessionCookie(), "Origin", proxy.origin().toString());
                HttpResponse<String> forgedCrossSite = sendJson("POST", demo.uri("/api/tasks"), "{\"title\":\"csrf\"}",
                        "Cookie", carol.sessionCookie(), "Origin", "https://evil.example");
                HttpResponse<String> listed = send("GET", demo.uri("/api/tasks"), "Authorization",
                        "Bearer " + carol.bearerToken());
                HttpResponse<String> daves = send("GET", demo.uri("/api/tasks"), "Cookie", dave.sessionCookie());

                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(forgedCrossSite.statusCode()).isEqualTo(403);
                assertThat(listed.body()).contains("by cookie").doesNotContain("csrf");
                assertThat(daves.body()).isEqualTo("[]");
            }
        }
    }

    @Test
    void bareBearerTokensFollowRequireSignature() throws Exception {
        try (BetterAuthServer lenient = BetterAuthServer.start();
             BetterAuthServer strict = BetterAuthServer.start("BA_REQUIRE_SIGNATURE", "true");
             CountingProxy toLenient = new CountingProxy(lenient.baseUrl());
             CountingProxy toStrict = new CountingProxy(strict.baseUrl());
             BetterAuthVerifier signedOnly = verifier(toLenient).build();
             BetterAuthVerifier bareToLenient = verifier(toLenient)
                     .sessions(session -> session.acceptBareTokens(true)).build();
             BetterAuthVerifier bareToStrict = verifier(toStrict)
                     .sessions(session -> session.acceptBareTokens(true)).build()) {
            BetterAuthClient.Session erin = lenient.client().signUp("Erin");
            BetterAuthClient.Session frank = strict.client().signUp("Frank");

            assertThat(signedOnly.verify(new Credential.Bearer(erin.bearerToken())).id()).isEqualTo(erin.userId());
            assertThat(reason(() -> signedOnly.verify(new Credential.Bearer(erin.bareToken()))))
                    .isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(bareToLenient.verify(new Credential.Bearer(erin.bareToken())).id()).isEqualTo(erin.userId());
            assertThat(bareToStrict.verify(new Credential.Bearer(frank.bearerToken())).id())
                    .isEqualTo(frank.userId());
            assertThat(reason(() -> bareToStrict.verify(new Credential.Bearer(frank.bareToken()))))
                    .as("requireSignature: Better Auth knows no session for a bare token")
                    .isEqualTo(Reason.UNKNOWN_SESSION);
        }
    }

    @Test
    void aSignedOutSessionIsRefusedAtOnceWithTtlZeroAndAfterTheTtlOtherwise() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start();
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier immediate = verifier(proxy)
                     .sessions(session -> session.cacheTtl(Duration.ZERO)).build();
             BetterAuthVerifier cached = verifier(proxy)
                     .sessions(session -> session.cacheTtl(Duration.ofSeconds(5))).build()) {
            BetterAuthClient.Session grace = server.client().signUp("Grace");
            long verifiedAt = System.nanoTime();
            immediate.verify(cookie(grace), GET);
            cached.verify(cookie(grace), GET);

            server.client().signOut(grace);

            assertThat(reason(() -> immediate.verify(cookie(grace), GET))).isEqualTo(Reason.UNKNOWN_SESSION);
            assertThat(cached.verify(cookie(grace), GET).id()).as("within the TTL").isEqualTo(grace.userId());
            assertThat(Duration.ofNanos(System.nanoTime() - verifiedAt)).as("the test ran within the TTL")
                    .isLessThan(Duration.ofSeconds(5));
            Thread.sleep(Duration.ofSeconds(5).toMillis() - Duration.ofNanos(System.nanoTime() - verifiedAt).toMillis()
                    + 200);
            assertThat(reason(() -> cached.verify(cookie(grace), GET))).isEqualTo(Reason.UNKNOWN_SESSION);
        }
    }

    @Test
    void anExpiredSessionIsRefused() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_SESSION_EXPIRES_IN", "2");
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy)
                     .sessions(session -> session.cacheTtl(Duration.ofMinutes(5))).build()) {
            BetterAuthClient.Session heidi = server.client().signUp("Heidi");
            assertThat(verifier.verify(cookie(heidi), GET).expiresAt()).isBefore(java.time.Instant.now().plusSeconds(3));

            Thread.sleep(2_500);

            assertThat(reason(() -> verifier.verify(cookie(heidi), GET))).as("never cached past the session's expiry")
                    .isIn(Reason.UNKNOWN_SESSION, Reason.EXPIRED);
        }
    }

    @ParameterizedTest
    @EnumSource(FilteredApp.Container.class)
    void theSecurePrefixAndACustomCookiePrefixAreRead(FilteredApp.Container container) throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_SECURE_COOKIES", "true", "BA_COOKIE_PREFIX", "myapp");
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy).cookiePrefix("myapp").build();
             FilteredApp app = FilteredApp.start(container, BetterAuthFilter.builder(verifier).build())) {
            BetterAuthClient.Session ivan = server.client().signUp("Ivan");

            assertThat(ivan.sessionCookieName()).isEqualTo("__Secure-myapp.session_token");
            assertThat(verifier.sessionCookieNames()).contains(ivan.sessionCookieName());
            HttpResponse<String> response = send("GET", app.uri("/whoami"), "Cookie", ivan.sessionCookie());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith(ivan.userId() + " ");
        }
    }

    @Test
    void underBetterAuthsRateLimiterTenUsersTimesAHundredRequestsMakeOneCallEach() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_RATE_LIMIT", "true", "BA_RATE_LIMIT_MAX", "20",
                "BA_RATE_LIMIT_WINDOW", "60");
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy)
                     .sessions(session -> session.cacheTtl(Duration.ofMinutes(5))).build()) {
            List<BetterAuthClient.Session> users = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                users.add(server.client().signUp("User" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int request = 0; request < 100; request++) {
                    for (BetterAuthClient.Session user : users) {
                        results.add(pool.submit(() -> request(verifier, user, results.size())));
                    }
                }
                for (Future<String> result : results) {
                    assertThat(result.get(60, TimeUnit.SECONDS)).isNotBlank();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(proxy.getSessionCalls()).as("get-session calls for 1000 requests of 10 users").isEqualTo(10);
        }
    }

    private static String request(BetterAuthVerifier verifier, BetterAuthClient.Session user, int n)
            throws TokenVerificationException {
        return (n % 2 == 0 ? verifier.verify(cookie(user), GET)
                : verifier.verify(new Credential.Bearer(user.bearerToken()))).id();
    }

    @Test
    void betterAuthsRateLimitIsAnOutageWithItsDelay() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_RATE_LIMIT", "true", "BA_RATE_LIMIT_MAX", "2",
                "BA_RATE_LIMIT_WINDOW", "60");
             CountingProxy proxy = new CountingProxy(server.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy).build()) {
            List<BetterAuthClient.Session> users = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                users.add(server.client().signUp("Limited" + i));
            }
            verifier.verify(cookie(users.get(0)), GET);
            verifier.verify(cookie(users.get(1)), GET);

            assertThatThrownBy(() -> verifier.verify(cookie(users.get(2)), GET)).isInstanceOfSatisfying(
                    TokenVerificationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);
                        assertThat(e.retryAfter()).hasValueSatisfying(delay ->
                                assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
                    });
            assertThat(verifier.verify(cookie(users.get(0)), GET).id()).as("cached sessions keep working")
                    .isEqualTo(users.get(0).userId());
        }
    }

    @Test
    void betterAuthStoppedIsAnOutageAndStartedAgainRecoversWithoutARestart() throws Exception {
        BetterAuthServer first = BetterAuthServer.start();
        try (CountingProxy proxy = new CountingProxy(first.baseUrl());
             BetterAuthVerifier verifier = verifier(proxy).build()) {
            BetterAuthClient.Session judy;
            try {
                judy = first.client().signUp("Judy");
            } finally {
                first.close();
            }

            assertThat(reason(() -> verifier.verify(cookie(judy), GET))).isEqualTo(Reason.AUTH_SERVER_UNAVAILABLE);

            try (BetterAuthServer second = BetterAuthServer.start()) {
                proxy.retarget(second.baseUrl());
                BetterAuthClient.Session mallory = second.client().signUp("Mallory");

                assertThat(verifier.verify(cookie(mallory), GET).id()).isEqualTo(mallory.userId());
            }
        }
    }

    private static HttpResponse<String> send(String method, URI uri, String... headers) throws Exception {
        return sendJson(method, uri, null, headers);
    }

    private static HttpResponse<String> sendJson(String method, URI uri, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

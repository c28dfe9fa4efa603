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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Better Auth's cookie cache ({@code session_data}) from a real Better Auth 1.7.25 in each strategy, read with no
 * {@code get-session} call: through auth-core, the filter on Jetty and Tomcat, and the demo jar. The server's base URL
 * is the {@link CountingProxy} in front of it (so the caches name it as issuer), and the proxy counts the calls.
 */
@Tag("interop")
class CookieCacheInteropTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final RequestContext GET = new RequestContext("GET", null, null);

    /** Better Auth's strategies, as the interop server's environment names them. */
    enum Strategy {
        COMPACT("compact", false), JWT("jwt", false), JWE("jwe", false), KEY_SET("jwt", true);

        final String name;
        final boolean keySet;

        Strategy(String name, boolean keySet) {
            this.name = name;
            this.keySet = keySet;
        }
    }

    /** A Better Auth server behind a counting proxy that is its base URL. */
    record Deployment(BetterAuthServer server, CountingProxy proxy) implements AutoCloseable {

        static Deployment start(Strategy strategy, String... env) throws Exception {
            CountingProxy proxy = new CountingProxy(URI.create("http://127.0.0.1:9"));
            Map<String, String> settings = new HashMap<>();
            settings.put("BA_BASE_URL", proxy.origin().toString());
            settings.put("BA_COOKIE_CACHE_STRATEGY", strategy.name);
            if (strategy.keySet) {
                settings.put("BA_SESSION_COOKIE_CACHE", "true");
            }
            for (int i = 0; i < env.length; i += 2) {
                settings.put(env[i], env[i + 1]);
            }
            BetterAuthServer server = BetterAuthServer.start(settings);
            proxy.retarget(server.baseUrl());
            return new Deployment(server, proxy);
        }

        BetterAuthVerifierBuilder verifier() {
            return BetterAuthVerifier.builder().baseUrl(proxy.origin()).sharedSecret(BetterAuthServer.SECRET)
                    .cookieCache(true);
        }

        @Override
        public void close() {
            server.close();
            proxy.close();
        }
    }

    static Credential pair(BetterAuthClient.Session session) {
        return new Credential.SessionCookie(session.sessionCookieName(), session.sessionCookieValue(),
                session.cacheCookies());
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

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void eachStrategysCacheVerifiesWithNoGetSessionCall(Strategy strategy) throws Exception {
        try (Deployment deployment = Deployment.start(strategy);
             BetterAuthVerifier verifier = deployment.verifier().build()) {
            BetterAuthClient.Session alice = deployment.server().client().signUp("Alice", Map.of("role", "admin"));

            AuthenticatedUser user = verifier.verify(pair(alice), GET);

            assertThat(alice.cacheCookies()).isNotEmpty();
            assertThat(user.id()).isEqualTo(alice.userId());
            assertThat(user.email()).isEqualTo(alice.email());
            assertThat(user.credential()).isEqualTo(CredentialKind.SESSION_COOKIE_CACHE);
            assertThat(user.claim("role", String.class)).contains("admin");
            assertThat(deployment.proxy().getSessionCalls()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aLargeUsersChunkedCacheVerifies(Strategy strategy) throws Exception {
        try (Deployment deployment = Deployment.start(strategy);
             BetterAuthVerifier verifier = deployment.verifier().build()) {
            BetterAuthClient.Session large = deployment.server().client().signUp("L" + "x".repeat(4999));

            assertThat(large.cacheCookies().keySet()).allMatch(name -> name.matches(".*\\.session_data\\.[0-9]+"))
                    .hasSizeGreaterThan(1);
            assertThat(verifier.verify(pair(large), GET).credential()).isEqualTo(CredentialKind.SESSION_COOKIE_CACHE);
            assertThat(deployment.proxy().getSessionCalls()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(FilteredApp.Container.class)
    void theFilterAcceptsTheBrowsersCookiePairWithNoGetSessionCall(FilteredApp.Container container) throws Exception {
        for (Strategy strategy : Strategy.values()) {
            try (Deployment deployment = Deployment.start(strategy);
                 BetterAuthVerifier verifier = deployment.verifier().sessions(true).build();
                 FilteredApp app = FilteredApp.start(container, BetterAuthFilter.builder(verifier).build())) {
                BetterAuthClient.Session bob = deployment.server().client().signUp("Bob");

                HttpResponse<String> response = send(app.uri("/whoami"), "Cookie", bob.cookieHeader());

                assertThat(response.statusCode()).as(strategy.name()).isEqualTo(200);
                assertThat(response.body()).as(strategy.name()).endsWith(" SESSION_COOKIE_CACHE");
                assertThat(deployment.proxy().getSessionCalls()).as(strategy.name()).isZero();
            }
        }
    }

    @Test
    void versionedSecretsAreReadAsBetterAuthReadsThem() throws Exception {
        String secrets = "2:" + BetterAuthServer.SECRET.replace('0', 'z') + ",1:" + BetterAuthServer.SECRET;
        for (Strategy strategy : Strategy.values()) {
            try (Deployment deployment = Deployment.start(strategy, "BETTER_AUTH_SECRETS", secrets);
                 BetterAuthVerifier rotated = deployment.verifier().secrets(secrets).build();
                 BetterAuthVerifier stale = deployment.verifier().build()) {
                BetterAuthClient.Session carol = deployment.server().client().signUp("Carol");

                assertThat(rotated.verify(pair(carol), GET).credential()).as(strategy.name())
                        .isEqualTo(CredentialKind.SESSION_COOKIE_CACHE);
                assertThat(reason(() -> stale.verify(pair(carol), GET))).as(strategy.name() + ", old secret only")
                        .isEqualTo(Reason.BAD_SIGNATURE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void anotherSessionsCacheNextToThisSessionsCookieIsNeverTheCache(Strategy strategy) throws Exception {
        try (Deployment deployment = Deployment.start(strategy);
             BetterAuthVerifier cacheOnly = deployment.verifier().build();
             BetterAuthVerifier withFallback = deployment.verifier().sessions(true).build()) {
            BetterAuthClient.Session dave = deployment.server().client().signUp("Dave");
            BetterAuthClient.Session mallory = deployment.server().client().signUp("Mallory");
            Credential swapped = new Credential.SessionCookie(dave.sessionCookieName(), dave.sessionCookieValue(),
                    mallory.cacheCookies());

            assertThat(reason(() -> cacheOnly.verify(swapped, GET))).isEqualTo(Reason.UNKNOWN_SESSION);
            AuthenticatedUser user = withFallback.verify(swapped, GET);
            assertThat(user.id()).as("Better Auth answers for the cookie's own session").isEqualTo(dave.userId());
            assertThat(user.credential()).isEqualTo(CredentialKind.SESSION);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"COMPACT", "JWT"})
    void anExpiredCacheOfALiveSessionFallsBackToGetSession(Strategy strategy) throws Exception {
        try (Deployment deployment = Deployment.start(strategy, "BA_COOKIE_CACHE_MAX_AGE", "1");
             BetterAuthVerifier verifier = deployment.verifier().sessions(true).build()) {
            BetterAuthClient.Session erin = deployment.server().client().signUp("Erin");
            Thread.sleep(2_100);

            AuthenticatedUser user = verifier.verify(pair(erin), GET);

            assertThat(user.credential()).isEqualTo(CredentialKind.SESSION);
            assertThat(deployment.proxy().getSessionCalls()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void aTamperedByteAnywhereInTheCacheIsRefused(Strategy strategy) throws Exception {
        try (Deployment deployment = Deployment.start(strategy);
             BetterAuthVerifier cacheOnly = deployment.verifier().build()) {
            BetterAuthClient.Session frank = deployment.server().client().signUp("Frank");
            Map.Entry<String, String> cookie = frank.cacheCookies().entrySet().iterator().next();
            String value = cookie.getValue();
            for (int position = 0; position < value.length(); position += Math.max(1, value.length() / 25)) {
                char flipped = value.charAt(position) == 'A' ? 'B' : 'A';
                Map<String, String> tampered = new LinkedHashMap<>(frank.cacheCookies());
                tampered.put(cookie.getKey(), value.substring(0, position) + flipped + value.substring(position + 1));
                if (tampered.equals(frank.cacheCookies())) {
                    continue;
                }
                Credential credential = new Credential.SessionCookie(frank.sessionCookieName(),
                        frank.sessionCookieValue(), tampered);
                assertThat(reason(() -> cacheOnly.verify(credential, GET))).as("byte %d", position).isNotNull();
            }
            assertThat(deployment.proxy().getSessionCalls()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void theDemoJarAcceptsTheBrowsersCookiePairWithNoGetSessionCall(Strategy strategy, @TempDir Path dir)
            throws Exception {
        try (Deployment deployment = Deployment.start(strategy)) {
            BetterAuthClient.Session grace = deployment.server().client().signUp("Grace");
            try (DemoProcess demo = DemoProcess.start(dir, Map.of("BETTER_AUTH_URL",
                    deployment.proxy().origin().toString(), "BETTER_AUTH_SECRET", BetterAuthServer.SECRET,
                    "BETTER_AUTH_SESSIONS", "true", "BETTER_AUTH_COOKIE_CACHE", "true"))) {
                HttpResponse<String> me = send(demo.uri("/api/me"), "Cookie", grace.cookieHeader());

                assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                assertThat(me.body()).contains(grace.userId());
                assertThat(deployment.proxy().getSessionCalls()).isZero();
            }
        }
    }

    private static HttpResponse<String> send(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

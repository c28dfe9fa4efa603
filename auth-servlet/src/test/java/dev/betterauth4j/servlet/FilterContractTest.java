package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.ServletContainer.Application;
import dev.betterauth4j.servlet.ServletContainer.FilterSetup;
import dev.betterauth4j.servlet.ServletContainer.Setup;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter's contract, end to end over real HTTP. Each container (Jetty, Tomcat) runs this same suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterContractTest {

    static final String ISSUER = "https://auth.example.com";
    static final SigningKey KEY = SigningKey.of("EdDSA");

    private final Map<String, ServletContainer> started = new HashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    final RecordingListener listener = new RecordingListener();

    abstract ServletContainer.Factory containers();

    @BeforeEach
    void clearEvents() {
        listener.events.clear();
    }

    @AfterAll
    void stopAll() throws Exception {
        // Verifiers first, as an application would before its container undeploys it.
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        for (ServletContainer container : started.values()) {
            container.close();
        }
    }

    static BetterAuthVerifier verifier() {
        return BetterAuthVerifier.builder().baseUrl(URI.create(ISSUER)).jwks(KEY.jwkSet()).build();
    }

    static String token() {
        return TestToken.betterAuth(KEY, ISSUER, Instant.now()).claim("role", "admin, viewer").signWith(KEY);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private ServletContainer container(String name, Supplier<ServletContainer.Setup> setup) {
        return started.computeIfAbsent(name, n -> {
            try {
                return containers().start(setup.get());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start " + n, e);
            }
        });
    }

    /** Every path needs a token except /health and /public/*; token also from cookie "api_token". */
    BetterAuthFilter standardFilter() {
        return BetterAuthFilter.builder(verifier()).publicPaths("/health", "/public/*").cookie("api_token")
                .listener(listener).build();
    }

    ServletContainer standard() {
        return container("standard", () -> Setup.of(FilterSetup.instance(standardFilter())));
    }

    ServletContainer optional() {
        return container("optional", () -> Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier())
                .optional(true).build())));
    }

    ServletContainer outage() {
        return container("outage", () -> {
            BetterAuthVerifier down = BetterAuthVerifier.builder().baseUrl(URI.create("http://127.0.0.1:9"))
                    .http(http -> http.connectTimeout(Duration.ofMillis(300))).build();
            resources.add(down);
            return Setup.of(FilterSetup.instance(BetterAuthFilter.builder(down)
                    .retryAfter(Duration.ofSeconds(7)).build()));
        });
    }

    /** Set up as web.xml would: the filter class and init parameters, keys fetched from a loopback JWKS. */
    ServletContainer initParameters() {
        return container("init", () -> {
            JwksServer jwks = JwksServer.start().publish(KEY.publicJwk());
            resources.add(jwks);
            Map<String, String> parameters = new HashMap<>();
            parameters.put("BETTER_AUTH_URL", jwks.baseUrl().toString());
            parameters.put("BETTER_AUTH_ISSUER", ISSUER);
            parameters.put("BETTER_AUTH_AUDIENCE", ISSUER);
            parameters.put("publicPaths", "/health, /public/*");
            parameters.put("realm", "tasks");
            parameters.put("roleClaim", "permissions");
            parameters.put("errorWriter", PlainTextErrorWriter.class.getName());
            return Setup.of(FilterSetup.initParameters(parameters));
        });
    }

    // ---- no token

    @Test
    void answersARequestWithoutTokenWith401AndABareBearerChallenge() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"api\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(Http.json(response)).containsEntry("status", 401L).containsEntry("reason", "MISSING")
                .containsEntry("title", "Unauthorized").containsEntry("type", "about:blank")
                .containsKey("detail").doesNotContainKey("error");
        assertThat(listener.events).containsExactly("failure MISSING /api/me");
    }

    @Test
    void ignoresATokenInTheQueryString() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me?access_token=" + token()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "MISSING");
    }

    @Test
    void treatsAnotherAuthorizationSchemeAsNoToken() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", "Basic dXNlcjpwYXNz");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
    }

    // ---- a valid token

    @Test
    void passesAValidTokenWithAPrincipalThatTellsTheTruth() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response))
                .containsEntry("principal", TestToken.USER_ID)
                .containsEntry("remoteUser", TestToken.USER_ID)
                .containsEntry("user", TestToken.USER_ID)
                .containsEntry("authType", "Bearer")
                .containsEntry("admin", true)
                .containsEntry("editor", false)
                .containsEntry("requireUserThrows", false);
        assertThat(listener.events).containsExactly("success " + TestToken.USER_ID + " /api/me");
    }

    @Test
    void matchesTheBearerSchemeCaseInsensitively() throws Exception {
        assertThat(Http.get(standard().uri("/api/me"), "Authorization", "bEaReR " + token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void readsRolesFromAnArrayClaimToo() throws Exception {
        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).claim("role", List.of("editor")).signWith(KEY);

        assertThat(Http.json(Http.get(standard().uri("/api/me"), "Authorization", bearer(token))))
                .containsEntry("editor", true).containsEntry("admin", false);
    }

    // ---- invalid tokens

    @Test
    void answersAnExpiredTokenWith401InvalidTokenAndTheReason() throws Exception {
        String expired = TestToken.betterAuth(KEY, ISSUER, Instant.now().minus(Duration.ofHours(1))).signWith(KEY);
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", bearer(expired));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The token has expired\"");
        assertThat(Http.json(response)).containsEntry("error", "invalid_token").containsEntry("reason", "EXPIRED")
                .containsEntry("detail", "The token has expired")
                .containsEntry("type", ProblemJsonErrorWriter.RFC6750_ERRORS);
        assertThat(listener.events).containsExactly("failure EXPIRED /api/me");
    }

    @Test
    void answersATamperedTokenWith401BadSignature() throws Exception {
        String[] parts = token().split("\\.");
        String forged = parts[0] + "." + TestToken.encode("{\"sub\":\"admin\",\"exp\":9999999999,\"iss\":\""
                + ISSUER + "\",\"aud\":\"" + ISSUER + "\"}") + "." + parts[2];
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", bearer(forged));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "BAD_SIGNATURE");
        assertThat(response.body()).doesNotContain(parts[2]);
    }

    @Test
    void answersGarbageWith401Malformed() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", "Bearer not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "MALFORMED").containsEntry("error", "invalid_token");
    }

    // ---- invalid requests

    @Test
    void answersTwoAuthorizationHeadersWith400InvalidRequest() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"),
                "Authorization", bearer(token()), "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer realm=\"api\", error=\"invalid_request\""));
        assertThat(Http.json(response)).containsEntry("error", "invalid_request").containsEntry("status", 400L);
    }

    @Test
    void answersAnEmptyBearerTokenWith400() throws Exception {
        assertThat(Http.rawGet(standard().port(), "/api/me", "Authorization: Bearer ")).isEqualTo(400);
        assertThat(Http.rawGet(standard().port(), "/api/me", "Authorization: Bearer")).isEqualTo(400);
    }

    @Test
    void answersATokenThatBreaksTheToken68SyntaxWith400() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", "Bearer abc def");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void answersAValidTokenFollowedByAForbiddenCharacterWith400() throws Exception {
        // The verifier sees the token before its characters are checked; the answer must not depend on that order.
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", bearer(token()) + ",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
        assertThat(listener.events).containsExactly("failure MALFORMED /api/me");
    }

    @Test
    void answersAValidTokenWithTrailingPaddingAsAnInvalidToken() throws Exception {
        // "=" ends a b64token, so this is a well-formed request carrying a token that is not canonical base64url.
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", bearer(token()) + "==");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("error", "invalid_token").containsEntry("reason", "MALFORMED");
    }

    // ---- outage

    @Test
    void answersAKeySourceOutageWith503AndRetryAfter() throws Exception {
        HttpResponse<String> response = Http.get(outage().uri("/api/me"), "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
        assertThat(Http.json(response)).containsEntry("status", 503L).containsEntry("reason", "KEY_SOURCE_UNAVAILABLE")
                .containsEntry("title", "Service Unavailable");
    }

    // ---- public paths and preflight

    @Test
    void letsPublicPathsPassWithoutAToken() throws Exception {
        HttpResponse<String> health = Http.get(standard().uri("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Http.json(health)).containsEntry("principal", null).containsEntry("requireUserThrows", true);
        assertThat(Http.get(standard().uri("/public/info")).statusCode()).isEqualTo(200);
        assertThat(Http.get(standard().uri("/public")).statusCode()).isEqualTo(200);
    }

    @Test
    void doesNotLetAPathThatMerelyStartsLikeAPublicPrefixPass() throws Exception {
        assertThat(Http.get(standard().uri("/publicity")).statusCode()).isEqualTo(401);
    }

    @Test
    void doesNotLetAnEncodedTraversalOutOfAPublicPrefixPass() throws Exception {
        assertThat(Http.rawGet(standard().port(), "/public/../api/me")).isIn(400, 401);
        assertThat(Http.rawGet(standard().port(), "/public/..%2fapi/me")).isIn(400, 401, 404);
        assertThat(Http.rawGet(standard().port(), "/health;x=1/../api/me")).isIn(400, 401);
    }

    // ---- public paths are canonical paths (a router behind the filter reads the raw URI)

    ServletContainer springMvc() {
        return container("spring", () -> Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier())
                .publicPaths("/public/*").build())).with(Application.SPRING_MVC));
    }

    @Test
    void servesACanonicalPublicPathWithoutATokenBehindSpringMvc() throws Exception {
        Http.RawResponse response = Http.raw(springMvc().port(), "/public/x");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SpringMvcApplication.PUBLIC_HANDLER);
    }

    @Test
    void servesAProtectedSpringMvcHandlerWithAToken() throws Exception {
        Http.RawResponse response = Http.raw(springMvc().port(), "/admin/x", "Authorization: " + bearer(token()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SpringMvcApplication.ADMIN_HANDLER + " for " + TestToken.USER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/..;/public/x", "/admin/%2e%2e/public/x", "/admin/%2E%2E/public/x",
        "/admin/.%2e/public/x", "/admin/%2e./public/x", "/admin/../public/x", "/admin/..;x=1/public/x",
        "/admin/%2e%2e;/public/x"})
    void neverLetsATraversalToAPublicPathReachAProtectedSpringMvcHandler(String path) throws Exception {
        Http.RawResponse response = Http.raw(springMvc().port(), path);

        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body()).doesNotContain(SpringMvcApplication.ADMIN_HANDLER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/./x", "/public//x", "/public/x/", "/public/x;a=b", "/public/a/../x",
        "/public/%2e/x", "/public/x%3b", "/public%2fx", "/public/%5cx", "/public/%25/x", "/public/%ff"})
    void aNonCanonicalFormOfAPublicPathNeedsAToken(String path) throws Exception {
        assertThat(Http.raw(springMvc().port(), path).status()).isIn(400, 401, 404);
        assertThat(Http.raw(standard().port(), path).status()).isIn(400, 401, 404);
    }

    // ---- no method or header makes a request public

    @Test
    void aCorsPreflightWithoutATokenNeverReachesTheApplication() throws Exception {
        HttpResponse<String> preflight = Http.send("OPTIONS", standard().uri("/api/me"),
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");
        HttpResponse<String> plainOptions = Http.send("OPTIONS", standard().uri("/api/me"));

        assertThat(preflight.statusCode()).isEqualTo(401);
        assertThat(preflight.body()).doesNotContain("principal");
        assertThat(plainOptions.statusCode()).isEqualTo(401);
    }

    /** The set-up docs/servlet.md gives: the container's CORS handler in front of the filter. */
    ServletContainer withCors() {
        return container("cors", () -> Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier()).build()))
                .withCors());
    }

    @Test
    void aCorsHandlerInFrontOfTheFilterAnswersThePreflight() throws Exception {
        HttpResponse<String> preflight = Http.send("OPTIONS", withCors().uri("/api/me"),
                "Origin", ServletContainer.ALLOWED_ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");

        assertThat(preflight.statusCode()).isIn(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ServletContainer.ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase(java.util.Locale.ROOT)).contains("authorization"));
        assertThat(preflight.body()).doesNotContain("principal");
    }

    @Test
    void aRefusalBehindACorsHandlerCarriesCorsHeadersABrowserCanRead() throws Exception {
        HttpResponse<String> response = Http.get(withCors().uri("/api/me"), "Origin", ServletContainer.ALLOWED_ORIGIN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ServletContainer.ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase(java.util.Locale.ROOT)).contains("www-authenticate"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
    }

    @Test
    void anAuthenticatedCrossOriginRequestPassesWithCorsHeaders() throws Exception {
        HttpResponse<String> response = Http.get(withCors().uri("/api/me"), "Origin", ServletContainer.ALLOWED_ORIGIN,
                "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ServletContainer.ALLOWED_ORIGIN);
    }

    // ---- optional mode

    @Test
    void optionalModeLetsARequestWithoutTokenPassAsAnonymous() throws Exception {
        HttpResponse<String> response = Http.get(optional().uri("/api/me"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", null).containsEntry("user", null);
    }

    @Test
    void optionalModeStillRefusesAnInvalidToken() throws Exception {
        assertThat(Http.get(optional().uri("/api/me"), "Authorization", "Bearer x.y.z").statusCode()).isEqualTo(401);
    }

    @Test
    void optionalModeAuthenticatesAValidToken() throws Exception {
        assertThat(Http.json(Http.get(optional().uri("/api/me"), "Authorization", bearer(token()))))
                .containsEntry("principal", TestToken.USER_ID);
    }

    // ---- once per request

    @Test
    void verifiesOnceAcrossAnAsyncDispatch() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/async/me"), "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("dispatch", "ASYNC").containsEntry("principal", TestToken.USER_ID);
        assertThat(listener.successes()).isEqualTo(1);
    }

    @Test
    void verifiesOnceAcrossAnErrorDispatchAndTheErrorPageSeesTheUser() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/teapot"), "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(Http.json(response)).containsEntry("dispatch", "ERROR").containsEntry("principal", TestToken.USER_ID);
        assertThat(listener.successes()).isEqualTo(1);
    }

    @Test
    void theErrorPageOfAPublicRequestIsServedWithoutAToken() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/public/teapot"));

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(Http.json(response)).containsEntry("dispatch", "ERROR").containsEntry("principal", null);
    }

    @Test
    void aForwardOfAnAuthenticatedRequestReusesTheSameInstancesDecision() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/a?forwardTo=/api/b"),
                "Authorization", bearer(token()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("dispatch", "FORWARD").containsEntry("path", "/api/b")
                .containsEntry("principal", TestToken.USER_ID);
        assertThat(listener.successes()).isEqualTo(1);
    }

    @Test
    void aForwardFromAPublicPathToAProtectedOneNeedsAToken() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/public/a?forwardTo=/api/me"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("principal");
    }

    // ---- each filter instance decides for itself

    /** An optional filter on every path, and a strict one on /internal/* behind it. */
    ServletContainer optionalThenStrict() {
        return container("layered", () -> Setup.of(
                FilterSetup.instance(BetterAuthFilter.builder(verifier()).optional(true).build()),
                FilterSetup.instance(BetterAuthFilter.builder(verifier()).build()).on("/internal/*")));
    }

    /** Two strict filters: the outer one for the usual audience, the inner one (on /internal/*) for another. */
    ServletContainer twoAudiences() {
        return container("audiences", () -> Setup.of(
                FilterSetup.instance(BetterAuthFilter.builder(verifier()).build()),
                FilterSetup.instance(BetterAuthFilter.builder(BetterAuthVerifier.builder().baseUrl(URI.create(ISSUER))
                        .audiences(INTERNAL_AUDIENCE).jwks(KEY.jwkSet()).build()).build()).on("/internal/*")));
    }

    static final String INTERNAL_AUDIENCE = "https://internal.example.com";

    @Test
    void anOptionalFilterDoesNotLetARequestPastAStrictFilterBehindIt() throws Exception {
        assertThat(Http.get(optionalThenStrict().uri("/api/me")).statusCode()).isEqualTo(200);

        HttpResponse<String> internal = Http.get(optionalThenStrict().uri("/internal/data"));

        assertThat(internal.statusCode()).isEqualTo(401);
        assertThat(Http.json(internal)).containsEntry("reason", "MISSING");
    }

    @Test
    void aStrictFilterBehindAnOptionalOneAcceptsAValidToken() throws Exception {
        HttpResponse<String> internal = Http.get(optionalThenStrict().uri("/internal/data"),
                "Authorization", bearer(token()));

        assertThat(internal.statusCode()).isEqualTo(200);
        assertThat(Http.json(internal)).containsEntry("principal", TestToken.USER_ID);
    }

    @Test
    void anInnerFilterRefusesATokenForTheOuterFiltersAudienceOnly() throws Exception {
        assertThat(Http.get(twoAudiences().uri("/api/me"), "Authorization", bearer(token())).statusCode())
                .isEqualTo(200);

        HttpResponse<String> internal = Http.get(twoAudiences().uri("/internal/data"), "Authorization", bearer(token()));

        assertThat(internal.statusCode()).isEqualTo(401);
        assertThat(Http.json(internal)).containsEntry("reason", "WRONG_AUDIENCE");
    }

    @Test
    void bothFiltersAcceptATokenForBothAudiences() throws Exception {
        String both = TestToken.betterAuth(KEY, ISSUER, Instant.now()).claim("aud", List.of(ISSUER, INTERNAL_AUDIENCE))
                .signWith(KEY);

        assertThat(Http.get(twoAudiences().uri("/internal/data"), "Authorization", bearer(both)).statusCode())
                .isEqualTo(200);
    }

    // ---- cookie source

    @Test
    void readsTheTokenFromTheConfiguredCookieWhenThereIsNoHeader() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Cookie", "api_token=" + token());

        assertThat(Http.json(response)).containsEntry("principal", TestToken.USER_ID);
    }

    @Test
    void prefersTheHeaderOverTheCookie() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Authorization", bearer(token()),
                "Cookie", "api_token=garbage");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void answersTwoTokenCookiesWith400() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Cookie",
                "api_token=" + token() + "; api_token=" + token());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void answersATokenCookieThatBreaksTheSyntaxWith400() throws Exception {
        HttpResponse<String> response = Http.get(standard().uri("/api/me"), "Cookie", "api_token=" + token() + "%2C");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void ignoresOtherCookies() throws Exception {
        HttpResponse<String> response = Http.get(optional().uri("/api/me"), "Cookie", "api_token=" + token());

        assertThat(Http.json(response)).containsEntry("principal", null);
    }

    // ---- Better Auth session credentials

    private SessionServer sessionServer;

    SessionServer sessionServer() {
        if (sessionServer == null) {
            sessionServer = SessionServer.start(SESSION_SECRET);
            resources.add(sessionServer);
        }
        return sessionServer;
    }

    static final String SESSION_SECRET = "interop-like-secret-for-the-contract-suite-0123";
    static final String SESSION_COOKIE = "better-auth.session_token";

    /** Session credentials on, verified against the loopback get-session stand-in; JWT cookie "api_token" too. */
    ServletContainer sessions() {
        return sessions("sessions");
    }

    /** The same set-up with a verifier of its own (a 429 pauses a verifier's calls to Better Auth). */
    ServletContainer sessions(String name) {
        return container(name, () -> {
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(sessionServer().baseUrl())
                    .sessions(true).sharedSecret(SESSION_SECRET).trustedOrigins(List.of(ServletContainer.ALLOWED_ORIGIN))
                    .http(http -> http.readTimeout(Duration.ofSeconds(2))).build();
            resources.add(verifier);
            return Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier).cookie("api_token")
                    .retryAfter(Duration.ofSeconds(7)).build()));
        });
    }

    @Test
    void authenticatesBetterAuthsSessionCookie() throws Exception {
        String signed = sessionServer().signIn("alice");
        HttpResponse<String> response = Http.get(sessions().uri("/api/me"),
                "Cookie", SESSION_COOKIE + "=" + SessionServer.cookieValue(signed));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", "alice");
    }

    @Test
    void authenticatesTheBearerPluginsToken() throws Exception {
        String signed = sessionServer().signIn("bob");
        HttpResponse<String> response = Http.get(sessions().uri("/api/me"), "Authorization", bearer(signed));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", "bob");
    }

    @Test
    void refusesACookieAuthenticatedPostWithoutATrustedOriginWith403() throws Exception {
        String signed = sessionServer().signIn("alice");
        String cookie = SESSION_COOKIE + "=" + SessionServer.cookieValue(signed);
        HttpResponse<String> noOrigin = Http.send("POST", sessions().uri("/api/tasks"), "Cookie", cookie);
        HttpResponse<String> evil = Http.send("POST", sessions().uri("/api/tasks"), "Cookie", cookie,
                "Origin", "https://evil.example");

        for (HttpResponse<String> response : List.of(noOrigin, evil)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(Http.json(response)).containsEntry("status", 403L).containsEntry("reason", "UNTRUSTED_ORIGIN")
                    .containsEntry("title", "Forbidden");
        }
    }

    @Test
    void acceptsACookieAuthenticatedPostFromATrustedOrigin() throws Exception {
        String signed = sessionServer().signIn("alice");
        HttpResponse<String> response = Http.send("POST", sessions().uri("/api/tasks"),
                "Cookie", SESSION_COOKIE + "=" + SessionServer.cookieValue(signed),
                "Origin", ServletContainer.ALLOWED_ORIGIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", "alice");
    }

    @Test
    void aBearerAuthenticatedPostNeedsNoOrigin() throws Exception {
        String signed = sessionServer().signIn("alice");

        assertThat(Http.send("POST", sessions().uri("/api/tasks"), "Authorization", bearer(signed)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aJwtInTheTokenCookieIsAmbientToo() throws Exception {
        HttpResponse<String> response = Http.send("POST", standard().uri("/api/tasks"), "Cookie", "api_token=" + token());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response)).containsEntry("reason", "UNTRUSTED_ORIGIN");
    }

    @Test
    void answersTwoSessionCookiesWith400() throws Exception {
        String alice = SessionServer.cookieValue(sessionServer().signIn("alice"));
        String bob = SessionServer.cookieValue(sessionServer().signIn("bob"));
        HttpResponse<String> response = Http.get(sessions().uri("/api/me"), "Cookie",
                SESSION_COOKIE + "=" + alice + "; __Secure-" + SESSION_COOKIE + "=" + bob);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void answersGarbageAndForgedSessionCookiesWith401WithoutAskingBetterAuth() throws Exception {
        int before = sessionServer().calls();
        String signed = sessionServer().signIn("alice");
        String forged = SessionServer.tokenOf(signed) + "." + "A".repeat(43) + "=";

        for (String value : List.of("garbage", "%zz", SessionServer.cookieValue(forged), "x".repeat(3000))) {
            HttpResponse<String> response = Http.get(sessions().uri("/api/me"), "Cookie", SESSION_COOKIE + "=" + value);
            assertThat(response.statusCode()).as(value).isEqualTo(401);
            assertThat(Http.json(response)).containsEntry("error", "invalid_token");
        }
        assertThat(sessionServer().calls()).isEqualTo(before);
    }

    @Test
    void answersASignedOutSessionWith401UnknownSession() throws Exception {
        String signed = sessionServer().signIn("carol");
        sessionServer().signOut(signed);
        HttpResponse<String> response = Http.get(sessions().uri("/api/me"), "Authorization", bearer(signed));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "UNKNOWN_SESSION");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("error=\"invalid_token\""));
    }

    @Test
    void answersBetterAuthsRateLimitWith503AndItsDelay() throws Exception {
        String signed = sessionServer().signIn("dave");
        sessionServer().retryAfterSeconds(42);
        sessionServer().mode(SessionServer.Mode.RATE_LIMITED);
        try {
            HttpResponse<String> response = Http.get(sessions("rate-limited").uri("/api/me"), "Authorization",
                    bearer(signed));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    value -> assertThat(Long.parseLong(value)).isBetween(40L, 42L));
            assertThat(Http.json(response)).containsEntry("reason", "AUTH_SERVER_UNAVAILABLE");
        } finally {
            sessionServer().mode(SessionServer.Mode.SERVE);
        }
    }

    // ---- Better Auth's cookie cache (session_data)

    /** The cookie cache on, without get-session: a session passes only with its valid cache cookie. */
    ServletContainer cookieCacheOnly() {
        return container("cookie-cache", () -> {
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(sessionServer().baseUrl())
                    .sharedSecret(SESSION_SECRET).cookieCache(true).jwks(KEY.jwkSet()).build();
            resources.add(verifier);
            return Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier).build()));
        });
    }

    @Test
    void authenticatesASessionByItsCookieCacheWithoutAskingBetterAuth() throws Exception {
        String signed = sessionServer().signIn("alice");
        String cache = sessionServer().cookieCache(signed, CookieCaches.Strategy.JWE, Duration.ofMinutes(5), null, KEY);
        int before = sessionServer().calls();
        HttpResponse<String> response = Http.get(cookieCacheOnly().uri("/api/me"), "Cookie",
                SESSION_COOKIE + "=" + SessionServer.cookieValue(signed) + "; better-auth.session_data=" + cache);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", "alice");
        assertThat(sessionServer().calls()).isEqualTo(before);
    }

    @Test
    void reassemblesAChunkedCookieCache() throws Exception {
        String signed = sessionServer().signIn("bob");
        String cache = sessionServer().cookieCache(signed, CookieCaches.Strategy.COMPACT, Duration.ofMinutes(5), null,
                KEY);
        int half = cache.length() / 2;
        HttpResponse<String> response = Http.get(cookieCacheOnly().uri("/api/me"), "Cookie",
                SESSION_COOKIE + "=" + SessionServer.cookieValue(signed) + "; better-auth.session_data.1="
                        + cache.substring(half) + "; better-auth.session_data.0=" + cache.substring(0, half));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", "bob");
    }

    @Test
    void refusesASessionWithoutAValidCookieCacheWith401() throws Exception {
        String signed = sessionServer().signIn("carol");
        String cookie = SESSION_COOKIE + "=" + SessionServer.cookieValue(signed);

        assertThat(Http.get(cookieCacheOnly().uri("/api/me"), "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(Http.get(cookieCacheOnly().uri("/api/me"), "Cookie", cookie + "; better-auth.session_data=garbage")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void answersTwoCookieCachesOfOneNameWith400() throws Exception {
        String signed = sessionServer().signIn("dave");
        HttpResponse<String> response = Http.get(cookieCacheOnly().uri("/api/me"), "Cookie",
                SESSION_COOKIE + "=" + SessionServer.cookieValue(signed)
                        + "; better-auth.session_data=a; better-auth.session_data=b");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    // ---- the listener never sees a token

    @Test
    void theListenerNeverSeesTheToken() throws Exception {
        String token = token();
        Http.get(standard().uri("/api/me"), "Authorization", bearer(token));
        Http.get(standard().uri("/api/me"), "Authorization", bearer(token + "x"));
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThat(listener.events).hasSize(2).allSatisfy(event -> assertThat(event).doesNotContain(signature));
    }

    // ---- web.xml-style set-up

    @Test
    void initParametersConfigureTheVerifierAndTheFilter() throws Exception {
        ServletContainer container = initParameters();

        HttpResponse<String> anonymous = Http.get(container.uri("/api/me"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"tasks\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(anonymous.body()).isEqualTo("401 MISSING");

        String token = TestToken.betterAuth(KEY, ISSUER, Instant.now()).claim("permissions", "admin").signWith(KEY);
        HttpResponse<String> authenticated = Http.get(container.uri("/api/me"), "Authorization", bearer(token));
        assertThat(authenticated.statusCode()).isEqualTo(200);
        assertThat(Http.json(authenticated)).containsEntry("principal", TestToken.USER_ID).containsEntry("admin", true);

        assertThat(Http.get(container.uri("/public/anything")).statusCode()).isEqualTo(200);
    }
}

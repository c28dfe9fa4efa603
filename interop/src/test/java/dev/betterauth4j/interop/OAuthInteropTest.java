package dev.betterauth4j.interop;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.CredentialKind;
import dev.betterauth4j.core.RequestContext;
import dev.betterauth4j.core.SubjectType;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.betterauth4j.interop.OAuthClient.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth access tokens of a real {@code @better-auth/oauth-provider} 1.7.5 beside better-auth 1.7.25 (interop/
 * better-auth-server, FLOWS.md §3): {@code client_credentials} and authorization-code JWTs, opaque tokens introspected,
 * DPoP-bound tokens with proofs this test makes, scopes, sign-out, and the tokens that must never pass as access tokens
 * (the jwt plugin's, ID tokens, logout tokens); through auth-core, the filter on Jetty and Tomcat, and the demo jar.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthInteropTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final SigningKey CLIENT_KEY = SigningKey.of("ES256", "interop-dpop-client");
    static final String USER_SCOPES = "openid profile email offline_access tasks:read";

    /** JWT access tokens for a resource (the jwt plugin on), opaque ones without. */
    BetterAuthServer jwtServer;
    /** Opaque access tokens only ({@code disableJwtPlugin: true}). */
    BetterAuthServer opaqueServer;

    @BeforeAll
    void startServers() {
        jwtServer = BetterAuthServer.start("BA_OAUTH_PROVIDER", "true");
        opaqueServer = BetterAuthServer.start("BA_OAUTH_PROVIDER", "true", "BA_OAUTH_DISABLE_JWT", "true");
    }

    @AfterAll
    void stopServers() {
        if (jwtServer != null) {
            jwtServer.close();
        }
        if (opaqueServer != null) {
            opaqueServer.close();
        }
    }

    static BetterAuthVerifierBuilder resourceServer(BetterAuthServer server) {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).accessTokens(tokens -> tokens.resource(RESOURCE));
    }

    /** Introspects as the server's resource-server client ({@code client_secret_post}). */
    static BetterAuthVerifierBuilder introspecting(BetterAuthServer server) {
        return resourceServer(server)
                .accessTokens(tokens -> tokens.introspectionClientId(OAuthClient.RESOURCE_SERVER_ID)
                .introspectionClientSecret(OAuthClient.RESOURCE_SERVER_SECRET)
                .introspectionAuthMethod("client_secret_post").introspectionCacheTtl(Duration.ZERO));
    }

    static AuthenticatedUser bearer(BetterAuthVerifier verifier, String token) throws TokenVerificationException {
        return verifier.verify(new Credential.Bearer(token));
    }

    static String accessToken(Map<String, Object> response) {
        return (String) response.get("access_token");
    }

    static Reason reason(Callable<?> call) {
        return SessionInteropTest.reason(call);
    }

    // ---- JWT access tokens through auth-core

    @Test
    void aClientCredentialsJwtIsTheClientsOwnAccessToken() throws Exception {
        Map<String, Object> response = new OAuthClient(jwtServer).clientCredentials(RESOURCE, "tasks:read", null);
        try (BetterAuthVerifier verifier = resourceServer(jwtServer).build()) {
            AuthenticatedUser caller = bearer(verifier, accessToken(response));

            assertThat(Jwt.header(accessToken(response))).containsEntry("typ", "at+jwt");
            assertThat(caller.credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
            assertThat(caller.subjectType()).isEqualTo(SubjectType.CLIENT);
            assertThat(caller.id()).isEqualTo(OAuthClient.CLIENT_ID);
            assertThat(caller.userId()).isEmpty();
            assertThat(caller.clientId()).isEqualTo(OAuthClient.CLIENT_ID);
            assertThat(caller.scopes()).containsExactly("tasks:read");
            assertThat(caller.sessionId()).isNull();
            assertThat(caller.issuer()).isEqualTo(new OAuthClient(jwtServer).issuer());
            assertThat(caller.audience()).containsExactly(RESOURCE);
        }
    }

    @Test
    void anAuthorizationCodeJwtIsTheUsersWithTheirSessionId() throws Exception {
        OAuthClient oauth = new OAuthClient(jwtServer);
        BetterAuthClient.Session olga = jwtServer.client().signUp("Olga");
        Map<String, Object> response = oauth.authorizationCode(olga, RESOURCE, USER_SCOPES, null);
        try (BetterAuthVerifier verifier = resourceServer(jwtServer).build()) {
            AuthenticatedUser caller = bearer(verifier, accessToken(response));

            assertThat(caller.subjectType()).isEqualTo(SubjectType.USER);
            assertThat(caller.userId()).contains(olga.userId());
            assertThat(caller.sessionId()).isEqualTo(oauth.sessionId(olga));
            assertThat(caller.clientId()).isEqualTo(OAuthClient.CLIENT_ID);
            assertThat(caller.scopes()).contains("tasks:read").doesNotContain("tasks:write");
            assertThat(caller.audience()).contains(RESOURCE);
        }
    }

    @Test
    void theJwtPluginsTokenAndAnIdTokenAreNeverAccessTokens() throws Exception {
        BetterAuthClient.Session pete = jwtServer.client().signUp("Pete");
        String pluginToken = jwtServer.client().token(pete);
        String idToken = (String) new OAuthClient(jwtServer).authorizationCode(pete, RESOURCE, USER_SCOPES, null)
                .get("id_token");
        try (BetterAuthVerifier accessOnly = resourceServer(jwtServer).pluginTokens(false).build();
             BetterAuthVerifier both = resourceServer(jwtServer).build()) {

            assertThat(reason(() -> bearer(accessOnly, pluginToken))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
            assertThat(reason(() -> bearer(accessOnly, idToken))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
            assertThat(reason(() -> bearer(both, idToken))).isEqualTo(Reason.WRONG_ISSUER);
            assertThat(bearer(both, pluginToken).credential()).as("a plugin token stays one").isEqualTo(
                    CredentialKind.JWT);
        }
    }

    @Test
    void aBackChannelLogoutTokenIsNeverAnAccessToken() throws Exception {
        try (BetterAuthServer server = BetterAuthServer.start("BA_OAUTH_PROVIDER", "true",
                "BA_OAUTH_BACKCHANNEL_LOGOUT", "true");
             BetterAuthVerifier verifier = resourceServer(server).build()) {
            BetterAuthClient.Session quinn = server.client().signUp("Quinn");
            new OAuthClient(server).authorizationCode(quinn, RESOURCE, USER_SCOPES, null);
            server.client().signOut(quinn);
            String logoutToken = logoutToken(server);

            assertThat(Jwt.header(logoutToken)).containsEntry("typ", "logout+jwt");
            assertThat(reason(() -> bearer(verifier, logoutToken))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
        }
    }

    // ---- opaque access tokens through introspection

    @Test
    void anOpaqueTokenForTheResourceIsIntrospectedAsTheResourceServer() throws Exception {
        Map<String, Object> response = new OAuthClient(opaqueServer).clientCredentials(RESOURCE, null, null);
        try (BetterAuthVerifier verifier = introspecting(opaqueServer).build()) {
            AuthenticatedUser caller = bearer(verifier, accessToken(response));

            assertThat(accessToken(response)).doesNotContain(".");
            assertThat(caller.credential()).isEqualTo(CredentialKind.ACCESS_TOKEN);
            assertThat(caller.subjectType()).isEqualTo(SubjectType.CLIENT);
            assertThat(caller.audience()).containsExactly(RESOURCE);
            assertThat(caller.scopes()).containsExactlyInAnyOrder("tasks:read", "tasks:write");
        }
    }

    @Test
    void anOpaqueTokenWithoutAudienceIsRefusedUnlessTheOptionAcceptsIt() throws Exception {
        String token = accessToken(new OAuthClient(jwtServer).clientCredentials(null, "tasks:read", null));
        BetterAuthVerifierBuilder asItsClient = resourceServer(jwtServer)
                .accessTokens(tokens -> tokens.introspectionClientId(OAuthClient.CLIENT_ID)
                .introspectionClientSecret(OAuthClient.CLIENT_SECRET).introspectionAuthMethod("client_secret_basic"));
        try (BetterAuthVerifier strict = asItsClient.build();
             BetterAuthVerifier lenient = asItsClient
                     .accessTokens(tokens -> tokens.acceptMissingAudience(true)).build();
             BetterAuthVerifier asResourceServer = introspecting(jwtServer).build()) {

            assertThat(reason(() -> bearer(strict, token))).isEqualTo(Reason.MISSING_CLAIM);
            assertThat(bearer(lenient, token).scopes()).containsExactly("tasks:read");
            assertThat(reason(() -> bearer(asResourceServer, token))).as("another client sees no audience-less token")
                    .isEqualTo(Reason.INACTIVE_TOKEN);
        }
    }

    @Test
    void aRefreshTokenIsNoAccessTokenEvenToItsOwnClientAcceptingAnyAudience() throws Exception {
        BetterAuthClient.Session wes = jwtServer.client().signUp("Wes");
        String refreshToken = (String) new OAuthClient(jwtServer).authorizationCode(wes, RESOURCE, USER_SCOPES, null)
                .get("refresh_token");
        try (BetterAuthVerifier verifier = resourceServer(jwtServer)
                .accessTokens(tokens -> tokens.introspectionClientId(OAuthClient.CLIENT_ID)
                .introspectionClientSecret(OAuthClient.CLIENT_SECRET).introspectionAuthMethod("client_secret_basic")
                .acceptMissingAudience(true)).build()) {

            assertThat(refreshToken).isNotBlank();
            assertThat(reason(() -> bearer(verifier, refreshToken))).isEqualTo(Reason.INACTIVE_TOKEN);
        }
    }

    @Test
    void aSignedOutUsersOpaqueTokenIsInactive() throws Exception {
        OAuthClient oauth = new OAuthClient(opaqueServer);
        BetterAuthClient.Session rita = opaqueServer.client().signUp("Rita");
        String token = accessToken(oauth.authorizationCode(rita, RESOURCE, USER_SCOPES, null));
        try (BetterAuthVerifier verifier = introspecting(opaqueServer).build()) {
            AuthenticatedUser before = bearer(verifier, token);
            String sessionId = oauth.sessionId(rita);
            opaqueServer.client().signOut(rita);

            assertThat(before.userId()).contains(rita.userId());
            assertThat(before.sessionId()).isEqualTo(sessionId);
            assertThat(reason(() -> bearer(verifier, token))).isEqualTo(Reason.INACTIVE_TOKEN);
        }
    }

    // ---- DPoP

    @Test
    void aDpopBoundJwtNeedsAFreshProofByItsKey() throws Exception {
        Map<String, Object> response = new OAuthClient(jwtServer).clientCredentials(RESOURCE, null, CLIENT_KEY);
        String token = accessToken(response);
        URI url = URI.create("https://api.example.test/tasks");
        RequestContext get = new RequestContext("GET", null, null, url);
        try (BetterAuthVerifier verifier = resourceServer(jwtServer).build()) {
            String fresh = proof(CLIENT_KEY, "GET", url, token);

            assertThat(response.get("token_type")).isEqualTo("DPoP");
            assertThat(Jwt.payload(token).get("cnf")).isEqualTo(Map.of("jkt", DpopProof.thumbprint(CLIENT_KEY)));
            assertThat(verifier.verify(new Credential.DPoP(token, fresh), get).id()).isEqualTo(OAuthClient.CLIENT_ID);
            assertThat(reason(() -> verifier.verify(new Credential.DPoP(token, fresh), get)))
                    .as("replayed").isEqualTo(Reason.INVALID_DPOP_PROOF);
            assertThat(reason(() -> verifier.verify(new Credential.DPoP(token,
                    proof(CLIENT_KEY, "GET", URI.create("https://api.example.test/other"), token)), get)))
                    .as("another htu").isEqualTo(Reason.INVALID_DPOP_PROOF);
            assertThat(reason(() -> verifier.verify(new Credential.DPoP(token,
                    proof(SigningKey.of("ES256", "another-client"), "GET", url, token)), get)))
                    .as("another key").isEqualTo(Reason.INVALID_DPOP_PROOF);
            assertThat(reason(() -> verifier.verify(new Credential.Bearer(token), get)))
                    .as("as Bearer").isEqualTo(Reason.WRONG_SCHEME);
        }
    }

    @Test
    void aDpopBoundOpaqueTokenNeedsItsProofToo() throws Exception {
        SigningKey key = SigningKey.of("EdDSA", "interop-dpop-client");
        String token = accessToken(new OAuthClient(opaqueServer).clientCredentials(RESOURCE, null, key));
        URI url = URI.create("https://api.example.test/tasks");
        RequestContext post = new RequestContext("POST", null, null, url);
        try (BetterAuthVerifier verifier = introspecting(opaqueServer).build()) {
            assertThat(verifier.verify(new Credential.DPoP(token, proof(key, "POST", url, token)), post).id())
                    .isEqualTo(OAuthClient.CLIENT_ID);
            assertThat(reason(() -> verifier.verify(new Credential.Bearer(token), post)))
                    .isEqualTo(Reason.WRONG_SCHEME);
        }
    }

    // ---- the filter on Jetty and Tomcat

    @ParameterizedTest
    @EnumSource(FilteredApp.Container.class)
    void theFilterEnforcesScopesAndDpopAndPublishesTheMetadata(FilteredApp.Container container) throws Exception {
        OAuthClient oauth = new OAuthClient(jwtServer);
        String readOnly = accessToken(oauth.clientCredentials(RESOURCE, "tasks:read", null));
        String bound = accessToken(oauth.clientCredentials(RESOURCE, "tasks:read tasks:write", CLIENT_KEY));
        BetterAuthClient.Session sam = jwtServer.client().signUp("Sam");
        String idToken = (String) oauth.authorizationCode(sam, RESOURCE, USER_SCOPES, null).get("id_token");
        try (BetterAuthVerifier verifier = resourceServer(jwtServer).build();
             FilteredApp app = FilteredApp.start(container, BetterAuthFilter.builder(verifier)
                     .requiredScopes("GET /** tasks:read", "* /** tasks:write").build())) {
            URI whoami = app.uri("/whoami");

            HttpResponse<String> read = send("GET", whoami, "Authorization", "Bearer " + readOnly);
            HttpResponse<String> write = send("POST", whoami, "Authorization", "Bearer " + readOnly);
            String proof = proof(CLIENT_KEY, "POST", whoami, bound);
            HttpResponse<String> dpop = send("POST", whoami, "Authorization", "DPoP " + bound, "DPoP", proof);
            HttpResponse<String> replay = send("POST", whoami, "Authorization", "DPoP " + bound, "DPoP", proof);
            HttpResponse<String> asBearer = send("GET", whoami, "Authorization", "Bearer " + bound);
            HttpResponse<String> id = send("GET", whoami, "Authorization", "Bearer " + idToken);
            HttpResponse<String> metadata = send("GET", app.uri("/.well-known/oauth-protected-resource"));

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(OAuthClient.CLIENT_ID + " null ACCESS_TOKEN");
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(write.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                    challenge).contains("error=\"insufficient_scope\"").contains("scope=\"tasks:write\"")
                    .contains("resource_metadata=\"https://api.example.test/.well-known/oauth-protected-resource\""));
            assertThat(dpop.statusCode()).isEqualTo(200);
            assertThat(replay.statusCode()).isEqualTo(401);
            assertThat(replay.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("DPoP ").contains("error=\"invalid_dpop_proof\""));
            assertThat(asBearer.statusCode()).isEqualTo(401);
            assertThat(id.statusCode()).isEqualTo(401);
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(BetterAuthClient.parse(metadata.body())).containsEntry("resource", RESOURCE)
                    .containsEntry("authorization_servers", List.of(oauth.issuer()));
        }
    }

    @ParameterizedTest
    @EnumSource(FilteredApp.Container.class)
    void theFilterIntrospectsOpaqueTokensAndRefusesThemAfterSignOut(FilteredApp.Container container)
            throws Exception {
        BetterAuthClient.Session tina = opaqueServer.client().signUp("Tina");
        String token = accessToken(new OAuthClient(opaqueServer).authorizationCode(tina, RESOURCE, USER_SCOPES,
                null));
        try (BetterAuthVerifier verifier = introspecting(opaqueServer).build();
             FilteredApp app = FilteredApp.start(container, BetterAuthFilter.builder(verifier).build())) {
            HttpResponse<String> before = send("GET", app.uri("/whoami"), "Authorization", "Bearer " + token);
            opaqueServer.client().signOut(tina);
            HttpResponse<String> after = send("GET", app.uri("/whoami"), "Authorization", "Bearer " + token);

            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.body()).startsWith(tina.userId() + " ");
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(after.body()).contains("INACTIVE_TOKEN");
        }
    }

    // ---- the demo jar

    @Test
    void theDemoJarIsAResourceServerForTheProvidersTokens(@TempDir Path dir) throws Exception {
        OAuthClient oauth = new OAuthClient(jwtServer);
        BetterAuthClient.Session uma = jwtServer.client().signUp("Uma");
        BetterAuthClient.Session vic = jwtServer.client().signUp("Vic");
        String umaReads = accessToken(oauth.authorizationCode(uma, RESOURCE, USER_SCOPES, null));
        String umaWrites = accessToken(oauth.authorizationCode(uma, RESOURCE, USER_SCOPES + " tasks:write", null));
        String vicWrites = accessToken(oauth.authorizationCode(vic, RESOURCE, USER_SCOPES + " tasks:write", null));
        String client = accessToken(oauth.clientCredentials(RESOURCE, null, null));
        try (DemoProcess demo = DemoProcess.start(dir, Map.of("BETTER_AUTH_URL", jwtServer.baseUrl().toString(),
                "BETTER_AUTH_RESOURCE", RESOURCE))) {
            HttpResponse<String> created = send("POST", demo.uri("/api/tasks"), "Authorization", "Bearer " + umaWrites,
                    "Content-Type", "application/json", "{\"title\":\"from Better Auth's OAuth provider\"}");
            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> readBack = send("GET", demo.uri(location), "Authorization", "Bearer " + umaReads);
            HttpResponse<String> readOnlyWrite = send("POST", demo.uri("/api/tasks"), "Authorization",
                    "Bearer " + umaReads, "Content-Type", "application/json", "{\"title\":\"no\"}");
            HttpResponse<String> otherUser = send("GET", demo.uri(location), "Authorization", "Bearer " + vicWrites);
            HttpResponse<String> clientOwn = send("GET", demo.uri("/api/tasks"), "Authorization", "Bearer " + client);
            HttpResponse<String> metadata = send("GET", demo.uri("/.well-known/oauth-protected-resource"));

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(readBack.statusCode()).isEqualTo(200);
            assertThat(readBack.body()).contains("from Better Auth's OAuth provider");
            assertThat(readOnlyWrite.statusCode()).isEqualTo(403);
            assertThat(readOnlyWrite.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).contains("scope=\"tasks:write\""));
            assertThat(otherUser.statusCode()).isEqualTo(403);
            assertThat(clientOwn.statusCode()).isEqualTo(403);
            assertThat(clientOwn.body()).contains("client_credentials");
            assertThat(BetterAuthClient.parse(metadata.body())).containsEntry("resource", RESOURCE)
                    .containsEntry("authorization_servers", List.of(oauth.issuer()));
        }
    }

    static String proof(SigningKey key, String method, URI url, String token) {
        return DpopProof.of(key, method, url.toString(), token, Instant.now()).sign();
    }

    /** The logout tokens the server received for its client (FLOWS.md §3.9), the last one. */
    @SuppressWarnings("unchecked")
    static String logoutToken(BetterAuthServer server) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> response = send("GET", URI.create(server.baseUrl() + "/__interop/logout-tokens"));
            List<Object> tokens = (List<Object>) BetterAuthClient.parse("{\"t\":" + response.body() + "}").get("t");
            if (!tokens.isEmpty()) {
                return (String) ((Map<String, Object>) tokens.get(tokens.size() - 1)).get("logout_token");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no logout token arrived");
    }

    /** A request with header name/value pairs, and a body when the pairs are odd in number (the last item). */
    static HttpResponse<String> send(String method, URI uri, String... headersAndBody) throws Exception {
        boolean hasBody = headersAndBody.length % 2 == 1;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).method(method,
                hasBody ? HttpRequest.BodyPublishers.ofString(headersAndBody[headersAndBody.length - 1])
                        : HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headersAndBody.length; i += 2) {
            request.header(headersAndBody[i], headersAndBody[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

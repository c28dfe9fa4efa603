package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.servlet.ServletContainer.FilterSetup;
import dev.betterauth4j.servlet.ServletContainer.Setup;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.IntrospectionServer;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
 * The filter as an OAuth resource server, end to end over real HTTP: access tokens of Better Auth's OAuth provider,
 * scope rules ({@code 403 insufficient_scope}), DPoP (RFC 9449), RFC 9728 metadata and the challenges that name it.
 * Each container (Jetty, Tomcat) runs this same suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OAuthFilterContractTest {

    static final SigningKey KEY = FilterContractTest.KEY;
    static final String ISSUER = FilterContractTest.ISSUER;
    static final String PROVIDER = ISSUER + "/api/auth";
    static final String RESOURCE = "https://api.example.com/mcp";
    static final String METADATA = "https://api.example.com/.well-known/oauth-protected-resource/mcp";
    static final String ALGS = "algs=\"EdDSA ES256 ES512 PS256 RS256\"";
    static final String[] RULES = {"GET /internal/secret/** admin:read", "GET /api/** tasks:read",
        "DELETE /api/** tasks:write tasks:admin", "* /api/** tasks:write"};
    static final SigningKey CLIENT = SigningKey.of("ES256", "dpop-client");

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
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        for (ServletContainer container : started.values()) {
            container.close();
        }
    }

    private ServletContainer container(String name, Supplier<Setup> setup) {
        return started.computeIfAbsent(name, n -> {
            try {
                return containers().start(setup.get());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start " + n, e);
            }
        });
    }

    static BetterAuthVerifierBuilder verifier() {
        return BetterAuthVerifier.builder().baseUrl(URI.create(ISSUER)).jwks(KEY.jwkSet())
                .accessTokens(tokens -> tokens.resource(RESOURCE));
    }

    static String accessToken(String scope) {
        return TestToken.accessToken(KEY, PROVIDER, RESOURCE, Instant.now()).claim("scope", scope).signWith(KEY);
    }

    static String boundToken(String scope) {
        return TestToken.accessToken(KEY, PROVIDER, RESOURCE, Instant.now()).claim("scope", scope)
                .claim("cnf", Map.of("jkt", DpopProof.thumbprint(CLIENT))).signWith(KEY);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A resource server with the scope rules {@link #RULES}; /health is public. */
    ServletContainer resourceServer() {
        return container("oauth", () -> Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier().build())
                .publicPaths("/health").requiredScopes(RULES).listener(listener).build())));
    }

    /** The same behind a proxy whose public URL is https://api.example.com/tasks. */
    ServletContainer proxied() {
        return container("proxied", () -> Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier().build())
                .publicUrl(URI.create("https://api.example.com/tasks")).build())));
    }

    /** Opaque tokens introspected at a stand-in provider. */
    ServletContainer opaque() {
        return container("opaque", () -> {
            IntrospectionServer provider = IntrospectionServer.start();
            resources.add(provider);
            BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(provider.baseUrl())
                    .accessTokens(tokens -> tokens.resource(RESOURCE)
                    .introspectionClientId(IntrospectionServer.CLIENT_ID)
                    .introspectionClientSecret(IntrospectionServer.CLIENT_SECRET)
                    .introspectionAuthMethod("client_secret_post"))
                    .http(http -> http.readTimeout(Duration.ofSeconds(2))).build();
            resources.add(0, verifier);
            opaqueProvider = provider;
            return Setup.of(FilterSetup.instance(BetterAuthFilter.builder(verifier).requiredScopes(RULES)
                    .retryAfter(Duration.ofSeconds(7)).build()));
        });
    }

    private IntrospectionServer opaqueProvider;

    /** Set up as web.xml would, keys from a loopback JWKS. */
    ServletContainer initParameters() {
        return container("init", () -> {
            JwksServer jwks = JwksServer.start().publish(KEY.publicJwk());
            resources.add(jwks);
            Map<String, String> parameters = new HashMap<>();
            parameters.put("BETTER_AUTH_URL", jwks.baseUrl().toString());
            parameters.put("BETTER_AUTH_ISSUER", ISSUER);
            parameters.put("BETTER_AUTH_AUDIENCE", ISSUER);
            parameters.put("BETTER_AUTH_RESOURCE", RESOURCE);
            parameters.put("BETTER_AUTH_ACCESS_TOKEN_ISSUER", PROVIDER);
            parameters.put("requiredScopes", "GET /api/** tasks:read;\n * /api/** tasks:write");
            parameters.put("publicUrl", "https://api.example.com");
            return Setup.of(FilterSetup.initParameters(parameters));
        });
    }

    // ---- metadata

    @Test
    void servesTheProtectedResourceMetadataWithoutCredentials() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            HttpResponse<String> response = Http.get(resourceServer().uri(path));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(Http.json(response))
                    .containsEntry("resource", RESOURCE)
                    .containsEntry("authorization_servers", List.of(PROVIDER))
                    .containsEntry("scopes_supported", List.of("admin:read", "tasks:admin", "tasks:read", "tasks:write"))
                    .containsEntry("bearer_methods_supported", List.of("header"))
                    .containsEntry("dpop_signing_alg_values_supported",
                            List.of("EdDSA", "ES256", "ES512", "PS256", "RS256"));
        }
    }

    @Test
    void servesTheMetadataToHeadButNotToOtherMethodsOrPaths() throws Exception {
        assertThat(Http.send("HEAD", resourceServer().uri("/.well-known/oauth-protected-resource")).statusCode())
                .isEqualTo(200);
        assertThat(Http.send("POST", resourceServer().uri("/.well-known/oauth-protected-resource")).statusCode())
                .isEqualTo(401);
        assertThat(Http.get(resourceServer().uri("/.well-known/oauth-protected-resource/other")).statusCode())
                .isEqualTo(401);
        assertThat(Http.raw(resourceServer().port(), "/.well-known/./oauth-protected-resource").status())
                .isIn(400, 401);
    }

    @Test
    void everyChallengeNamesTheMetadataAndTheDpopSchemeWithItsAlgorithms() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
                "Bearer realm=\"api\", resource_metadata=\"" + METADATA + "\"",
                "DPoP realm=\"api\", resource_metadata=\"" + METADATA + "\", " + ALGS);
    }

    @Test
    void anInvalidTokensChallengeNamesTheMetadataToo() throws Exception {
        String expired = TestToken.accessToken(KEY, PROVIDER, RESOURCE, Instant.now().minus(Duration.ofHours(3)))
                .signWith(KEY);
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization", bearer(expired));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\","
                + " error=\"invalid_token\", error_description=\"The token has expired\", resource_metadata=\""
                + METADATA + "\"");
    }

    // ---- scopes

    @Test
    void anAccessTokenWithTheScopeARuleNamesPasses() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization",
                bearer(accessToken("tasks:read")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", TestToken.CLIENT_ID);
    }

    @Test
    void aMissingScopeIs403InsufficientScopeNamingIt() throws Exception {
        HttpResponse<String> response = Http.send("POST", resourceServer().uri("/api/tasks"), "Authorization",
                bearer(accessToken("tasks:read")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
                "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"The access token lacks the"
                        + " scope tasks:write this request needs\", scope=\"tasks:write\", resource_metadata=\""
                        + METADATA + "\"",
                "DPoP realm=\"api\", resource_metadata=\"" + METADATA + "\", " + ALGS);
        assertThat(Http.json(response)).containsEntry("status", 403L).containsEntry("error", "insufficient_scope")
                .containsEntry("reason", "INSUFFICIENT_SCOPE").containsEntry("scope", "tasks:write")
                .containsEntry("title", "Forbidden");
        assertThat(listener.events).containsExactly("failure INSUFFICIENT_SCOPE /api/tasks");
    }

    @Test
    void the403NamesEveryMissingScope() throws Exception {
        HttpResponse<String> response = Http.send("DELETE", resourceServer().uri("/api/tasks/1"), "Authorization",
                bearer(accessToken("tasks:read")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("scope=\"tasks:write tasks:admin\""));
        assertThat(Http.json(response)).containsEntry("scope", "tasks:write tasks:admin");
    }

    @Test
    void theFirstMatchingRuleDecides() throws Exception {
        HttpResponse<String> read = Http.get(resourceServer().uri("/api/tasks"), "Authorization",
                bearer(accessToken("tasks:read")));
        HttpResponse<String> writeOnly = Http.get(resourceServer().uri("/api/tasks"), "Authorization",
                bearer(accessToken("tasks:write")));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(writeOnly.statusCode()).as("GET needs tasks:read, whatever later rules say").isEqualTo(403);
    }

    @Test
    void headIsARead() throws Exception {
        assertThat(Http.send("HEAD", resourceServer().uri("/api/me"), "Authorization",
                bearer(accessToken("tasks:read"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aPathNoRuleNamesNeedsNoScope() throws Exception {
        assertThat(Http.get(resourceServer().uri("/internal/x"), "Authorization",
                bearer(TestToken.accessToken(KEY, PROVIDER, RESOURCE, Instant.now()).without("scope").signWith(KEY)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aJwtPluginTokenFacingARuleIs403LikeAnAccessTokenWithoutScopes() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization",
                bearer(FilterContractTest.token()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response)).containsEntry("scope", "tasks:read");
    }

    @Test
    void aNonCanonicalPathNeedsTheScopesOfEveryRuleForItsMethod() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/internal/x/"), "Authorization",
                bearer(accessToken("tasks:read")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response)).containsEntry("scope", "admin:read tasks:write");
    }

    @Test
    void aForwardToAPathThatNeedsMoreIsRefused() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me?forwardTo=/internal/secret/x"),
                "Authorization", bearer(accessToken("tasks:read")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response)).containsEntry("scope", "admin:read");
    }

    // ---- DPoP

    @Test
    void aDpopBoundTokenWithAFreshProofPasses() throws Exception {
        String token = boundToken("tasks:read");
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization", "DPoP " + token,
                "DPoP", proof("GET", resourceServer().uri("/api/me"), token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", TestToken.CLIENT_ID);
    }

    @Test
    void aReplayedProofIs401InvalidDpopProofInTheDpopChallenge() throws Exception {
        String token = boundToken("tasks:read");
        String proof = proof("GET", resourceServer().uri("/api/me"), token);
        Http.get(resourceServer().uri("/api/me"), "Authorization", "DPoP " + token, "DPoP", proof);

        HttpResponse<String> replay = Http.get(resourceServer().uri("/api/me"), "Authorization", "DPoP " + token,
                "DPoP", proof);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().allValues("WWW-Authenticate")).containsExactly(
                "DPoP realm=\"api\", error=\"invalid_dpop_proof\", error_description=\"The DPoP proof has been used"
                        + " before\", resource_metadata=\"" + METADATA + "\", " + ALGS,
                "Bearer realm=\"api\", resource_metadata=\"" + METADATA + "\"");
        assertThat(Http.json(replay)).containsEntry("error", "invalid_dpop_proof")
                .containsEntry("reason", "INVALID_DPOP_PROOF");
    }

    @Test
    void aProofForAnotherUrlIsRefused() throws Exception {
        String token = boundToken("tasks:read");
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization", "DPoP " + token,
                "DPoP", proof("GET", resourceServer().uri("/api/other"), token));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "INVALID_DPOP_PROOF");
    }

    @Test
    void aDpopBoundTokenSentAsBearerIs401InvalidToken() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization",
                bearer(boundToken("tasks:read")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer realm=\"api\", error=\"invalid_token\""));
        assertThat(Http.json(response)).containsEntry("reason", "WRONG_SCHEME");
    }

    @Test
    void theDpopSchemeWithoutAProofIsRefused() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization",
                "DPoP " + boundToken("tasks:read"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("error", "invalid_dpop_proof");
    }

    @Test
    void twoProofHeadersAreRefused() throws Exception {
        String token = boundToken("tasks:read");
        URI uri = resourceServer().uri("/api/me");
        HttpResponse<String> response = Http.get(uri, "Authorization", "DPoP " + token,
                "DPoP", proof("GET", uri, token), "DPoP", proof("GET", uri, token));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "INVALID_DPOP_PROOF");
    }

    @Test
    void theDpopSchemeWithAnUnboundTokenIsRefused() throws Exception {
        String token = accessToken("tasks:read");
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization", "DPoP " + token,
                "DPoP", proof("GET", resourceServer().uri("/api/me"), token));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "WRONG_SCHEME");
    }

    @Test
    void anEmptyDpopTokenIs400() throws Exception {
        HttpResponse<String> response = Http.get(resourceServer().uri("/api/me"), "Authorization", "DPoP ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void behindAProxyTheProofNamesThePublicUrl() throws Exception {
        String token = boundToken("tasks:read");
        URI local = proxied().uri("/api/me");

        HttpResponse<String> publicUrl = Http.get(local, "Authorization", "DPoP " + token,
                "DPoP", proof("GET", URI.create("https://api.example.com/tasks/api/me"), token));
        HttpResponse<String> containerUrl = Http.get(local, "Authorization", "DPoP " + token,
                "DPoP", proof("GET", local, token));

        assertThat(publicUrl.statusCode()).isEqualTo(200);
        assertThat(containerUrl.statusCode()).isEqualTo(401);
    }

    @Test
    void aDpopProofOfARequestThatLacksAScopeIs403() throws Exception {
        String token = boundToken("tasks:read");
        URI uri = resourceServer().uri("/api/tasks");
        HttpResponse<String> response = Http.send("POST", uri, "Authorization", "DPoP " + token,
                "DPoP", proof("POST", uri, token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("DPoP realm=\"api\", error=\"insufficient_scope\""));
    }

    // ---- opaque tokens

    @Test
    void anOpaqueTokenIsIntrospected() throws Exception {
        ServletContainer opaque = opaque();
        String token = opaqueProvider.issue(opaqueProvider.clientClaims(RESOURCE, "tasks:read"));

        HttpResponse<String> response = Http.get(opaque.uri("/api/me"), "Authorization", bearer(token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).containsEntry("principal", TestToken.CLIENT_ID);
    }

    @Test
    void anInactiveOpaqueTokenIs401() throws Exception {
        HttpResponse<String> response = Http.get(opaque().uri("/api/me"), "Authorization",
                bearer("InactiveTokenInactiveTokenInacti"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response)).containsEntry("reason", "INACTIVE_TOKEN").containsEntry("error",
                "invalid_token");
    }

    @Test
    void anIntrospectionOutageIs503WithRetryAfter() throws Exception {
        ServletContainer opaque = opaque();
        String token = opaqueProvider.issue(opaqueProvider.clientClaims(RESOURCE, "tasks:read"));
        opaqueProvider.mode(IntrospectionServer.Mode.ERROR);
        try {
            HttpResponse<String> response = Http.get(opaque.uri("/api/me"), "Authorization", bearer(token));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("7");
            assertThat(Http.json(response)).containsEntry("reason", "AUTH_SERVER_UNAVAILABLE");
        } finally {
            opaqueProvider.mode(IntrospectionServer.Mode.SERVE);
        }
    }

    // ---- init parameters

    @Test
    void initParametersConfigureScopesAndThePublicUrl() throws Exception {
        String token = TestToken.accessToken(KEY, PROVIDER, RESOURCE, Instant.now()).claim("scope", "tasks:read")
                .claim("cnf", Map.of("jkt", DpopProof.thumbprint(CLIENT))).signWith(KEY);
        URI local = initParameters().uri("/api/me");

        HttpResponse<String> read = Http.get(local, "Authorization", "DPoP " + token,
                "DPoP", proof("GET", URI.create("https://api.example.com/api/me"), token));
        HttpResponse<String> write = Http.send("PUT", local, "Authorization", "DPoP " + token,
                "DPoP", proof("PUT", URI.create("https://api.example.com/api/me"), token));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(Http.json(write)).containsEntry("scope", "tasks:write");
    }

    static String proof(String method, URI uri, String token) {
        return DpopProof.of(CLIENT, method, uri.toString(), token, Instant.now()).sign();
    }
}

package dev.betterauth4j.interop;

import com.nimbusds.jose.util.Base64URL;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.SigningKey;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Drives the OAuth provider of a {@link BetterAuthServer} started with {@code BA_OAUTH_PROVIDER=true} over HTTP, as an
 * OAuth client does (interop/better-auth-server/FLOWS.md §3): the {@code client_credentials} grant, and the
 * authorization code grant with PKCE for a signed-in user (consent is skipped for the server's trusted client), each
 * optionally with a DPoP proof the test makes; and what a test needs besides (a session's id).
 */
final class OAuthClient {

    /** The server's confidential client ({@code client_secret_basic}). */
    static final String CLIENT_ID = "interop-client";
    static final String CLIENT_SECRET = "interop-client-secret-0123456789abcdef";
    /** The server's client standing for a resource server ({@code client_secret_post}), linked to every resource. */
    static final String RESOURCE_SERVER_ID = "interop-resource-server";
    static final String RESOURCE_SERVER_SECRET = "interop-resource-server-secret-0123456789";
    static final String REDIRECT_URI = "https://client.interop.example/callback";
    /** The resource the server has by default ({@code BA_OAUTH_RESOURCE}). */
    static final String RESOURCE = "https://api.example.test";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BetterAuthServer server;

    OAuthClient(BetterAuthServer server) {
        this.server = server;
    }

    /** The provider's issuer, {@code {origin}/api/auth}. */
    String issuer() {
        return server.auth("").toString();
    }

    /**
     * {@code POST /oauth2/token} with {@code grant_type=client_credentials}.
     *
     * @param resource the {@code resource} (null: none, which gives an opaque token)
     * @param scope    the {@code scope} (null: all of the client's)
     * @param dpopKey  the key of a DPoP proof to bind the token to, or null
     * @return the token response
     */
    Map<String, Object> clientCredentials(String resource, String scope, SigningKey dpopKey)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (resource != null) {
            form.put("resource", resource);
        }
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(form, dpopKey);
    }

    /**
     * The authorization code grant with PKCE for a signed-in user: {@code GET /oauth2/authorize} with the user's bearer
     * token (a plain GET: the provider answers 302 with the code), then {@code POST /oauth2/token}.
     *
     * @param resource the {@code resource}, or null
     * @param scope    the scopes asked for
     * @param dpopKey  the key of a DPoP proof for the token request, or null
     * @return the token response ({@code access_token}, {@code id_token}, {@code refresh_token}, ...)
     */
    Map<String, Object> authorizationCode(BetterAuthClient.Session user, String resource, String scope,
                                          SigningKey dpopKey) throws IOException, InterruptedException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String verifier = Base64URL.encode(secret).toString();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLIENT_ID);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", scope);
        query.put("state", "interop-state");
        query.put("code_challenge", Base64URL.encode(sha256(verifier)).toString());
        query.put("code_challenge_method", "S256");
        if (resource != null) {
            query.put("resource", resource);
        }
        HttpResponse<String> authorize = HTTP.send(HttpRequest.newBuilder(URI.create(server.auth("/oauth2/authorize")
                        + "?" + form(query))).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + user.bearerToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String location = authorize.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "authorize did not redirect: " + authorize.statusCode() + " " + authorize.body()));
        String code = parameter(location, "code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        form.put("code_verifier", verifier);
        if (resource != null) {
            form.put("resource", resource);
        }
        return token(form, dpopKey);
    }

    /** The id of a user's Better Auth session ({@code session.id} of get-session), which access tokens carry as sid. */
    String sessionId(BetterAuthClient.Session user) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.auth("/get-session"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + user.bearerToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) BetterAuthClient.parse(response.body()).get("session");
        return (String) session.get("id");
    }

    private Map<String, Object> token(Map<String, String> form, SigningKey dpopKey)
            throws IOException, InterruptedException {
        URI endpoint = server.auth("/oauth2/token");
        String credentials = URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (dpopKey != null) {
            request.header("DPoP", DpopProof.of(dpopKey, "POST", endpoint.toString(), null, Instant.now()).sign());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return BetterAuthClient.parse(response.body());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String parameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

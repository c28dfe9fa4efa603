package dev.betterauth4j.interop;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Drives a Better Auth server over HTTP the way a front end does: sign up, then get a JWT from
 * {@code GET /api/auth/token} or from the {@code set-auth-jwt} header of {@code GET /api/auth/get-session},
 * authenticating with the bearer plugin's {@code set-auth-token}.
 */
final class BetterAuthClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final BetterAuthServer server;

    BetterAuthClient(BetterAuthServer server) {
        this.server = server;
    }

    /**
     * A signed-in Better Auth user.
     *
     * @param userId        Better Auth's user id
     * @param email         the email signed up with
     * @param bearerToken   the bearer plugin's {@code set-auth-token} ({@code token.signature}, not a JWT)
     * @param sessionData   the {@code better-auth.session_data} cookie value, when a cookie cache is on, else null
     * @param sessionCookie the session cookie as the browser sends it back, {@code name=value} (value URL-encoded as
     *                      in {@code Set-Cookie}), whatever its prefix
     * @param cacheCookies  the cookie cache's cookies ({@code session_data}, or its chunks) by name, values as sent;
     *                      empty without a cookie cache
     */
    record Session(String userId, String email, String bearerToken, String sessionData, String sessionCookie,
                   Map<String, String> cacheCookies) {

        /** The {@code Cookie} header a browser sends back: the session cookie and the cookie cache. */
        String cookieHeader() {
            StringBuilder header = new StringBuilder(sessionCookie);
            cacheCookies.forEach((name, value) -> header.append("; ").append(name).append('=').append(value));
            return header.toString();
        }

        /** The session cookie's name ({@code better-auth.session_token}, with its prefixes). */
        String sessionCookieName() {
            return sessionCookie.substring(0, sessionCookie.indexOf('='));
        }

        /** The session cookie's value, URL-encoded as on the wire. */
        String sessionCookieValue() {
            return sessionCookie.substring(sessionCookie.indexOf('=') + 1);
        }

        /** The session token alone, without its signature (what {@code bearer()} accepts bare). */
        String bareToken() {
            return bearerToken.substring(0, bearerToken.lastIndexOf('.'));
        }
    }

    /** Signs up a fresh user (which also signs them in). Extra fields (role, image) go into the body. */
    Session signUp(String name, Map<String, Object> extra) throws IOException, InterruptedException {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", "correct-horse-battery-staple");
        body.put("name", name);
        body.putAll(extra);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.auth("/sign-up/email"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-up failed: " + response.statusCode() + " " + response.body());
        }
        Map<String, Object> json = parse(response.body());
        @SuppressWarnings("unchecked")
        String userId = (String) ((Map<String, Object>) json.get("user")).get("id");
        String bearer = response.headers().firstValue("set-auth-token")
                .orElseThrow(() -> new IllegalStateException("no set-auth-token header; is the bearer plugin on?"));
        return new Session(userId, email, bearer, cookie(response, "better-auth.session_data"),
                rawCookieEndingWith(response, ".session_token"), cacheCookies(response));
    }

    /** {@code POST /api/auth/sign-out} with the bearer token: Better Auth deletes the session. */
    void signOut(Session session) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.auth("/sign-out"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + session.bearerToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-out failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Every {@code Set-Cookie} of the cookie cache ({@code *.session_data}, {@code *.session_data.N}) with a value. */
    private static Map<String, String> cacheCookies(HttpResponse<?> response) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals);
            if (name.matches(".*\\.session_data(\\.[0-9]+)?") && equals + 1 < pair.length()) {
                cookies.put(name, pair.substring(equals + 1));
            }
        }
        return cookies;
    }

    /** The first {@code Set-Cookie} whose name ends with {@code suffix}, as {@code name=value} (value as sent). */
    private static String rawCookieEndingWith(HttpResponse<?> response, String suffix) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).endsWith(suffix)) {
                return pair;
            }
        }
        return null;
    }

    Session signUp(String name) throws IOException, InterruptedException {
        return signUp(name, Map.of());
    }

    /** {@code GET /api/auth/token}: the JWT a front end gets from {@code authClient.token()}. */
    String token(Session session) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/token", session);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/token failed: " + response.statusCode() + " " + response.body());
        }
        return (String) parse(response.body()).get("token");
    }

    /** The {@code set-auth-jwt} header of {@code GET /api/auth/get-session}. */
    String sessionJwt(Session session) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/get-session", session);
        return response.headers().firstValue("set-auth-jwt")
                .orElseThrow(() -> new IllegalStateException("no set-auth-jwt header: " + response.statusCode()));
    }

    /** The raw JWKS document at {@code path} (under {@code /api/auth}). */
    String jwks(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.auth(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> get(String path, Session session) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.auth(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + session.bearerToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            if (header.startsWith(name + "=")) {
                String value = header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length()
                        : header.indexOf(';'));
                return URLDecoder.decode(value, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    static URI uri(String text) {
        return URI.create(text);
    }
}

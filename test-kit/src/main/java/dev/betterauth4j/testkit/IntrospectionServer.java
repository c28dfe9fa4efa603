package dev.betterauth4j.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Better Auth's OAuth provider on loopback, answering as {@code @better-auth/oauth-provider} 1.7.5 does
 * (interop/better-auth-server/FLOWS.md §3.1, §3.5): its metadata at {@code /api/auth/.well-known/oauth-authorization-server}
 * and {@code POST /api/auth/oauth2/introspect}, which authenticates the calling client ({@code client_secret_basic} or
 * {@code client_secret_post}, whichever it is registered with) and answers {@code {"active": false}} for a token it
 * does not know, else the token's claims with {@code active: true}. It issues opaque tokens (32 letters), counts and
 * records introspection calls, and can be told to fail, stall or rate-limit.
 */
public final class IntrospectionServer implements AutoCloseable {

    /** What the introspection endpoint does with a request before answering it normally. */
    public enum Mode {
        /** Answers as Better Auth does. */
        SERVE,
        /** 500 with an empty body, as Better Auth answers a JWT with a bad signature. */
        ERROR,
        /** 200 with a body that is not an introspection answer. */
        GARBAGE,
        /** 429 with {@code X-Retry-After}. */
        RATE_LIMITED,
        /** 302 to another host. */
        REDIRECT,
        /** 200 with a body over a megabyte. */
        HUGE
    }

    /** Every token any instance issued, for the no-leak tests (opaque tokens are letters only: no pattern finds them). */
    public static final java.util.Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    /** The resource server's client, which may introspect. */
    public static final String CLIENT_ID = "interop-resource-server";
    /** Its secret. */
    public static final String CLIENT_SECRET = "interop-resource-server-secret-0123456789";

    private final LoopbackServer server;
    private final String authMethod;
    private final Clock clock;
    private final Map<String, Map<String, Object>> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger discoveries = new AtomicInteger();
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SERVE);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<String> metadataIssuer = new AtomicReference<>();
    private final AtomicReference<String> metadataEndpoint = new AtomicReference<>();
    private final SecureRandom random = new SecureRandom();

    private IntrospectionServer(String authMethod, Clock clock) {
        this.authMethod = authMethod;
        this.clock = clock;
        server = LoopbackServer.start("test-introspection-server", this::handle);
    }

    /**
     * Starts a provider whose resource-server client authenticates with {@code authMethod}.
     *
     * @param authMethod {@code client_secret_post} or {@code client_secret_basic}: the other is refused, as Better
     *                   Auth refuses it
     * @param clock      the clock of the tokens' times and of expiry
     * @return the running server
     */
    public static IntrospectionServer start(String authMethod, Clock clock) {
        return new IntrospectionServer(authMethod, clock);
    }

    /**
     * Starts a provider whose client uses {@code client_secret_post}, on the system clock.
     *
     * @return the running server
     */
    public static IntrospectionServer start() {
        return start("client_secret_post", Clock.systemUTC());
    }

    /**
     * The base URL, like Better Auth's {@code baseURL}.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * The provider's issuer.
     *
     * @return {@code {baseUrl}/api/auth}
     */
    public String issuer() {
        return baseUrl() + "/api/auth";
    }

    /**
     * The introspection endpoint.
     *
     * @return {@code {issuer}/oauth2/introspect}
     */
    public URI introspectionUrl() {
        return URI.create(issuer() + "/oauth2/introspect");
    }

    /**
     * Issues an opaque token with these claims (Better Auth's answer adds {@code active} and {@code token_type}).
     *
     * @param claims what introspection answers for it
     * @return the token: 32 letters, as Better Auth's
     */
    public String issue(Map<String, Object> claims) {
        StringBuilder token = new StringBuilder(32);
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 32; i++) {
            token.append(letters.charAt(random.nextInt(letters.length())));
        }
        tokens.put(token.toString(), new LinkedHashMap<>(claims));
        ISSUED.add(token.toString());
        return token.toString();
    }

    /**
     * The claims of a client's own opaque token for {@code resource} (null: none), as Better Auth's introspection
     * reports them: {@code iss, aud, client_id, azp, exp, iat, scope}, valid for an hour from now.
     *
     * @param resource the {@code aud}, or null for a token issued without a resource
     * @param scope    the {@code scope}
     * @return the claims, to be changed and {@linkplain #issue issued}
     */
    public Map<String, Object> clientClaims(String resource, String scope) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        if (resource != null) {
            claims.put("aud", resource);
        }
        claims.put("client_id", TestToken.CLIENT_ID);
        claims.put("azp", TestToken.CLIENT_ID);
        claims.put("exp", now + 3600);
        claims.put("iat", now);
        claims.put("scope", scope);
        return claims;
    }

    /**
     * Revokes a token: introspection then answers {@code {"active": false}}.
     *
     * @param token the token
     */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /**
     * Changes what the introspection endpoint does.
     *
     * @param next the behaviour
     */
    public void mode(Mode next) {
        mode.set(next);
    }

    /**
     * Makes every introspection answer late.
     *
     * @param wait the delay
     */
    public void delay(Duration wait) {
        delay.set(wait);
    }

    /**
     * Makes the metadata name another issuer, or another introspection endpoint.
     *
     * @param issuer                the issuer to name, or null for the real one
     * @param introspectionEndpoint the endpoint to name, or null for the real one
     */
    public void metadata(String issuer, String introspectionEndpoint) {
        metadataIssuer.set(issuer);
        metadataEndpoint.set(introspectionEndpoint);
    }

    /**
     * How many introspection calls came.
     *
     * @return the count
     */
    public int calls() {
        return calls.get();
    }

    /**
     * How many times the metadata was fetched.
     *
     * @return the count
     */
    public int discoveries() {
        return discoveries.get();
    }

    /**
     * The form of every introspection call, in order.
     *
     * @return the forms
     */
    public List<Map<String, String>> forms() {
        return List.copyOf(forms);
    }

    /**
     * The {@code Authorization} header of every introspection call ({@code ""} when none), in order.
     *
     * @return the headers
     */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/auth/.well-known/oauth-authorization-server")) {
            discoveries.incrementAndGet();
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("issuer", metadataIssuer.get() != null ? metadataIssuer.get() : issuer());
            metadata.put("introspection_endpoint", metadataEndpoint.get() != null ? metadataEndpoint.get()
                    : introspectionUrl().toString());
            metadata.put("dpop_signing_alg_values_supported", List.of("EdDSA", "ES256", "ES512", "PS256", "RS256"));
            respond(exchange, 200, JSONObjectUtils.toJSONString(metadata));
            return;
        }
        if (!path.equals("/api/auth/oauth2/introspect") || !exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 404, "{\"message\":\"not found\"}");
            return;
        }
        calls.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        forms.add(form);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        LoopbackServer.pause(delay.get());
        switch (mode.get()) {
            case ERROR -> respond(exchange, 500, "");
            case GARBAGE -> respond(exchange, 200, "<html>maintenance</html>");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("X-Retry-After", "42");
                respond(exchange, 429, "{\"message\":\"Too many requests. Please try again later.\"}");
            }
            case REDIRECT -> {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.2:1/elsewhere");
                respond(exchange, 302, "");
            }
            case HUGE -> respond(exchange, 200, "{\"active\":true,\"x\":\"" + "x".repeat(2_000_000) + "\"}");
            default -> introspect(exchange, form, authorization);
        }
    }

    private void introspect(HttpExchange exchange, Map<String, String> form, String authorization) throws IOException {
        String id;
        String secret;
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            id = URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair.substring(pair.indexOf(':') + 1), StandardCharsets.UTF_8);
            if (!authMethod.equals("client_secret_basic")) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
            if (id == null) {
                respond(exchange, 401, "{\"error_description\":\"missing required credentials\","
                        + "\"error\":\"invalid_client\"}");
                return;
            }
            if (!authMethod.equals("client_secret_post")) {
                respond(exchange, 400, "{\"error\":\"invalid_client\"}");
                return;
            }
        }
        if (!CLIENT_ID.equals(id) || !CLIENT_SECRET.equals(secret)) {
            respond(exchange, authMethod.equals("client_secret_basic") ? 401 : 400,
                    "{\"error_description\":\"invalid client_secret\",\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, Object> claims = tokens.get(form.getOrDefault("token", ""));
        Object exp = claims == null ? null : claims.get("exp");
        if (claims == null || (exp instanceof Long seconds && seconds <= clock.instant().getEpochSecond())) {
            respond(exchange, 200, "{\"active\":false}");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.putAll(claims);
        answer.put("token_type", claims.containsKey("cnf") ? "DPoP" : "Bearer");
        respond(exchange, 200, JSONObjectUtils.toJSONString(answer));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackServer.respondUncached(exchange, status, "application/json", body);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}

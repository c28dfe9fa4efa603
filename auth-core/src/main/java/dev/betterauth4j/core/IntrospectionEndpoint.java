package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import static dev.betterauth4j.core.TokenVerificationException.Reason.INACTIVE_TOKEN;

/**
 * Asks the authorization server about an opaque access token (RFC 7662):
 * {@code POST {introspection endpoint}} with the form {@code token=...&token_type_hint=access_token}, authenticated as
 * the configured client with {@code client_secret_basic} ({@code Authorization: Basic}, RFC 6749 §2.3.1: id and secret
 * form-encoded, then base64) or {@code client_secret_post} ({@code client_id} and {@code client_secret} in the form).
 * Nothing of the client's request but the token is sent.
 *
 * <p>{@code 200 {"active": true, ...}} is checked like a JWT access token's claims ({@link ClaimsValidator#introspection});
 * {@code 200 {"active": false}} is {@code INACTIVE_TOKEN} (401). Anything else is an outage
 * ({@code AUTH_SERVER_UNAVAILABLE}, 503), never an acceptance: unreachable, slower than the read timeout, larger than
 * {@value #SIZE_LIMIT} bytes, a redirect, a body that is not an introspection answer, a 5xx (Better Auth 1.7 answers 500
 * for a JWT with a bad signature, see interop/better-auth-server/FLOWS.md §4.2), or a 400/401 refusing our client
 * credentials, which is this server's misconfiguration (logged as a warning, without the secret). A 429 pauses the calls
 * for its delay ({@link RateLimitPause}).
 */
final class IntrospectionEndpoint implements AutoCloseable {

    static final int SIZE_LIMIT = 64 * 1024;

    /** How the introspecting client authenticates (RFC 6749 §2.3.1). */
    enum ClientAuthentication {
        CLIENT_SECRET_BASIC, CLIENT_SECRET_POST;

        static ClientAuthentication of(String name, String label) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "client_secret_basic" -> CLIENT_SECRET_BASIC;
                case "client_secret_post" -> CLIENT_SECRET_POST;
                default -> throw new IllegalArgumentException(label + ": '" + name + "' is not client_secret_basic or"
                        + " client_secret_post");
            };
        }
    }

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private final IntrospectionLocation location;
    private final String clientId;
    private final String clientSecret;
    private final ClientAuthentication authentication;
    private final BoundedHttpClient http;
    private final ClaimsValidator claims;
    private final Clock clock;
    private final RateLimitPause pause = new RateLimitPause("introspection");

    IntrospectionEndpoint(IntrospectionLocation location, String clientId, String clientSecret,
                          ClientAuthentication authentication, BoundedHttpClient http, ClaimsValidator claims,
                          Clock clock) {
        this.location = location;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.authentication = authentication;
        this.http = http;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * What the authorization server says about an opaque access token.
     *
     * @throws TokenVerificationException {@code INACTIVE_TOKEN}, a claim rule's reason, or
     *                                    {@code AUTH_SERVER_UNAVAILABLE}
     */
    AuthenticatedUser introspect(String token) throws TokenVerificationException {
        long now = clock.millis();
        pause.check(now);
        String form = "token=" + encoded(token) + "&token_type_hint=access_token";
        Map<String, String> headers;
        if (authentication == ClientAuthentication.CLIENT_SECRET_BASIC) {
            String credentials = encoded(clientId) + ":" + encoded(clientSecret);
            headers = Map.of("Accept", "application/json", "Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            headers = Map.of("Accept", "application/json");
            form += "&client_id=" + encoded(clientId) + "&client_secret=" + encoded(clientSecret);
        }
        BoundedHttpClient.Answer answer;
        try {
            answer = http.postForm(location.uri(), headers, form);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, () -> "The introspection endpoint could not be called: " + e.getMessage());
            throw RateLimitPause.unavailable();
        }
        if (answer.status() == 429) {
            throw pause.pause(answer, now);
        }
        if (answer.status() == 400 || answer.status() == 401) {
            LOGGER.log(Level.WARNING, () -> "The introspection endpoint refused this resource server's client"
                    + " credentials (HTTP " + answer.status() + "): check the introspection client id, secret and"
                    + " authentication method");
            throw RateLimitPause.unavailable();
        }
        if (answer.status() != 200) {
            LOGGER.log(Level.WARNING, () -> "The introspection endpoint answered HTTP " + answer.status());
            throw RateLimitPause.unavailable();
        }
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(new String(answer.body(), StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            document = null;
        }
        if (document == null || document.size() > ClaimsValidator.MAX_CLAIMS
                || !(document.get("active") instanceof Boolean active)) {
            LOGGER.log(Level.WARNING, "The introspection endpoint gave an answer that is not an introspection answer");
            throw RateLimitPause.unavailable();
        }
        if (!active) {
            throw new TokenVerificationException(INACTIVE_TOKEN, "The access token is not active (unknown, expired,"
                    + " revoked, or its session has ended)");
        }
        return claims.validateClaims(ClaimsValidator.frozen(document, "introspection answer"));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return location + " as " + clientId + " (" + authentication.name().toLowerCase(Locale.ROOT) + ")";
    }
}

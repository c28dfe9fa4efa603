package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;

/**
 * Where the introspection endpoint is: configured ({@code BETTER_AUTH_INTROSPECTION_URL}), or discovered (RFC 8414)
 * from the authorization server's metadata at {@code {origin}{basePath}/.well-known/oauth-authorization-server}, where
 * Better Auth's OAuth provider serves it (under its base path, not at the origin's root). Discovery happens at the first
 * opaque token, not at start-up; its answer is kept for the verifier's life. The metadata must name the expected
 * issuer (RFC 8414 §3.3) and an endpoint URL the rules for calling Better Auth allow ({@link RemoteUrl}); a failed
 * discovery is an outage, tried again at most every {@value #RETRY_MILLIS} ms.
 */
final class IntrospectionLocation {

    static final int SIZE_LIMIT = 64 * 1024;
    static final long RETRY_MILLIS = 5_000;

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private final URI metadata;
    private final String issuer;
    private final boolean allowInsecureHttp;
    private final BoundedHttpClient http;
    private final Clock clock;
    private volatile URI endpoint;
    private long nextAttemptMillis = Long.MIN_VALUE;

    private IntrospectionLocation(URI endpoint, URI metadata, String issuer, boolean allowInsecureHttp,
                                  BoundedHttpClient http, Clock clock) {
        this.endpoint = endpoint;
        this.metadata = metadata;
        this.issuer = issuer;
        this.allowInsecureHttp = allowInsecureHttp;
        this.http = http;
        this.clock = clock;
    }

    static IntrospectionLocation configured(URI endpoint) {
        return new IntrospectionLocation(endpoint, null, null, false, null, null);
    }

    static IntrospectionLocation discovered(URI metadata, String issuer, boolean allowInsecureHttp,
                                            BoundedHttpClient http, Clock clock) {
        return new IntrospectionLocation(null, metadata, issuer, allowInsecureHttp, http, clock);
    }

    /**
     * @throws TokenVerificationException {@code AUTH_SERVER_UNAVAILABLE} while the endpoint cannot be discovered
     */
    URI uri() throws TokenVerificationException {
        URI known = endpoint;
        return known != null ? known : discover();
    }

    private synchronized URI discover() throws TokenVerificationException {
        if (endpoint != null) {
            return endpoint;
        }
        long now = clock.millis();
        if (now < nextAttemptMillis) {
            throw RateLimitPause.unavailable();
        }
        nextAttemptMillis = now + RETRY_MILLIS;
        String problem;
        try {
            BoundedHttpClient.Answer answer = http.get(metadata, Map.of("Accept", "application/json"), 0);
            problem = answer.status() != 200 ? "answered HTTP " + answer.status() : read(answer.body());
        } catch (IOException e) {
            problem = "could not be fetched: " + e.getMessage();
        }
        if (endpoint != null) {
            return endpoint;
        }
        String why = problem;
        LOGGER.log(Level.WARNING, () -> "The authorization server metadata at " + metadata + " " + why);
        throw RateLimitPause.unavailable();
    }

    /** Takes the endpoint from a metadata document, or says what is wrong with it. */
    private String read(byte[] body) {
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            return "is not a JSON object";
        }
        if (!issuer.equals(document.get("issuer"))) {
            return "names another issuer than " + issuer;
        }
        if (!(document.get("introspection_endpoint") instanceof String url)) {
            return "has no introspection_endpoint";
        }
        try {
            URI found = URI.create(url);
            RemoteUrl.checked(found, "introspection_endpoint", allowInsecureHttp);
            endpoint = found;
            LOGGER.log(Level.INFO, () -> "Introspecting opaque access tokens at " + found);
            return null;
        } catch (IllegalArgumentException e) {
            return "names an introspection_endpoint that may not be called: " + e.getMessage();
        }
    }

    @Override
    public String toString() {
        return endpoint != null ? endpoint.toString() : "discovered from " + metadata;
    }
}

package dev.betterauth4j.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BetterAuthVerifier} accepts OAuth access tokens of Better Auth's OAuth provider: given to
 * {@link BetterAuthVerifierBuilder#accessTokens}, which needs {@link #resource(String)}: access tokens are accepted for
 * this API's resource identifier only. Opaque ones are accepted once an introspection client is set too.
 *
 * <pre>{@code
 * BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .accessTokens(tokens -> tokens.resource("https://api.example.com")
 *                 .introspectionClientId("tasks-api")
 *                 .introspectionClientSecret(System.getenv("INTROSPECTION_SECRET")))
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe, like the builder it belongs to; {@link BetterAuthVerifierBuilder#build()} checks the values.
 */
public final class AccessTokenOptions {

    String resource;
    String issuer;
    String introspectionClientId;
    String introspectionClientSecret;
    String introspectionAuthMethod = AccessTokenSettings.INTROSPECTION_AUTH_METHOD.defaultValue();
    URI introspectionUrl;
    boolean acceptMissingAudience = AccessTokenSettings.ACCEPT_MISSING_AUDIENCE.defaultValue();
    Duration introspectionCacheTtl = AccessTokenSettings.INTROSPECTION_CACHE_TTL.defaultValue();
    Duration introspectionNegativeCacheTtl = AccessTokenSettings.INTROSPECTION_NEGATIVE_CACHE_TTL.defaultValue();
    int introspectionCacheSize = AccessTokenSettings.INTROSPECTION_CACHE_SIZE.defaultValue();
    int introspectionMaxConcurrentCalls = AccessTokenSettings.INTROSPECTION_MAX_CONCURRENT_CALLS.defaultValue();
    int dpopReplayCacheSize = AccessTokenSettings.DPOP_REPLAY_CACHE_SIZE.defaultValue();
    DpopReplayStore dpopReplayStore;

    AccessTokenOptions() {
    }

    /**
     * This API's resource identifier ({@code BETTER_AUTH_RESOURCE}): accepts OAuth access tokens of Better Auth's
     * OAuth provider whose {@code aud} names it, see docs/oauth.md.
     *
     * @param resource an absolute URI without fragment, as registered with the provider
     * @return these options
     */
    public AccessTokenOptions resource(String resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
        return this;
    }

    /**
     * The expected {@code iss} of access tokens ({@code BETTER_AUTH_ACCESS_TOKEN_ISSUER}). Default
     * {@code {baseUrl}{basePath}}.
     *
     * @param issuer the issuer
     * @return these options
     */
    public AccessTokenOptions issuer(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /**
     * The client this API introspects opaque access tokens as ({@code BETTER_AUTH_INTROSPECTION_CLIENT_ID}).
     *
     * @param clientId the client id
     * @return these options
     */
    public AccessTokenOptions introspectionClientId(String clientId) {
        this.introspectionClientId = Objects.requireNonNull(clientId, "clientId");
        return this;
    }

    /**
     * That client's secret ({@code BETTER_AUTH_INTROSPECTION_CLIENT_SECRET}).
     *
     * @param secret the client secret
     * @return these options
     */
    public AccessTokenOptions introspectionClientSecret(String secret) {
        this.introspectionClientSecret = Objects.requireNonNull(secret, "secret");
        return this;
    }

    /**
     * How that client authenticates ({@code BETTER_AUTH_INTROSPECTION_AUTH_METHOD}).
     *
     * @param method {@code client_secret_basic} (default) or {@code client_secret_post}
     * @return these options
     */
    public AccessTokenOptions introspectionAuthMethod(String method) {
        this.introspectionAuthMethod = Objects.requireNonNull(method, "method");
        return this;
    }

    /**
     * The introspection endpoint ({@code BETTER_AUTH_INTROSPECTION_URL}). Default: discovered from the
     * authorization server's metadata.
     *
     * @param url an absolute https URL (http on loopback, or with
     *            {@link HttpOptions#allowInsecure(boolean)})
     * @return these options
     */
    public AccessTokenOptions introspectionUrl(URI url) {
        this.introspectionUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /**
     * Accepts an introspection answer without {@code aud} ({@code BETTER_AUTH_ACCEPT_MISSING_AUDIENCE}). Off by
     * default.
     *
     * @param accept whether to accept it
     * @return these options
     */
    public AccessTokenOptions acceptMissingAudience(boolean accept) {
        this.acceptMissingAudience = accept;
        return this;
    }

    /**
     * How long an active introspection answer is used ({@code BETTER_AUTH_INTROSPECTION_CACHE_TTL}).
     *
     * @param ttl 0 to 1 h, never past the token's {@code exp}
     * @return these options
     */
    public AccessTokenOptions introspectionCacheTtl(Duration ttl) {
        this.introspectionCacheTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * How long {@code active: false} is remembered ({@code BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL}).
     *
     * @param ttl 0 to 5 min
     * @return these options
     */
    public AccessTokenOptions introspectionNegativeCacheTtl(Duration ttl) {
        this.introspectionNegativeCacheTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * How many introspection answers are remembered ({@code BETTER_AUTH_INTROSPECTION_CACHE_SIZE}).
     *
     * @param entries 1 to 10,000,000
     * @return these options
     */
    public AccessTokenOptions introspectionCacheSize(int entries) {
        this.introspectionCacheSize = entries;
        return this;
    }

    /**
     * How many introspection calls may run at once ({@code BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS}).
     *
     * @param calls 1 to 256
     * @return these options
     */
    public AccessTokenOptions introspectionMaxConcurrentCalls(int calls) {
        this.introspectionMaxConcurrentCalls = calls;
        return this;
    }

    /**
     * How many DPoP proofs the in-memory replay cache remembers ({@code BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE}).
     *
     * @param entries 1,000 to 10,000,000
     * @return these options
     */
    public AccessTokenOptions dpopReplayCacheSize(int entries) {
        this.dpopReplayCacheSize = entries;
        return this;
    }

    /**
     * Where used DPoP proofs are remembered, instead of this instance's memory: a store all instances of the API
     * share (see {@link DpopReplayStore}).
     *
     * @param store the store
     * @return these options
     */
    public AccessTokenOptions dpopReplayStore(DpopReplayStore store) {
        this.dpopReplayStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Checks the introspection cache's values against the table's bounds, for a verifier that introspects. */
    void checkIntrospection() {
        AccessTokenSettings.INTROSPECTION_CACHE_TTL.check(introspectionCacheTtl);
        AccessTokenSettings.INTROSPECTION_NEGATIVE_CACHE_TTL.check(introspectionNegativeCacheTtl);
        AccessTokenSettings.INTROSPECTION_CACHE_SIZE.check(introspectionCacheSize);
        AccessTokenSettings.INTROSPECTION_MAX_CONCURRENT_CALLS.check(introspectionMaxConcurrentCalls);
    }
}

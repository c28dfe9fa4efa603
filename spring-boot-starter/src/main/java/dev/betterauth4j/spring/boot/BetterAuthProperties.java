package dev.betterauth4j.spring.boot;

import dev.betterauth4j.servlet.AuthenticationErrorWriter;
import dev.betterauth4j.servlet.AuthenticationListener;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every option of the verifier and of the filter as a Spring Boot property under {@code better.auth}: one property
 * per row of {@link dev.betterauth4j.core.BetterAuthVerifier#settings()} and
 * {@link dev.betterauth4j.servlet.BetterAuthFilter#settings()}, named after the option's {@code BETTER_AUTH_*}
 * variable ({@code BETTER_AUTH_URL} is {@code better.auth.url}, {@code BETTER_AUTH_JWKS_URL} is
 * {@code better.auth.jwks-url}), so Spring's relaxed binding reads the very variables a Better Auth deployment already
 * has. A test compares this record with both tables, so no option can be left out.
 *
 * <p>Immutable: Spring Boot binds it through its canonical constructor, and each property is read by its accessor
 * ({@code better.auth.jwks-url} is {@link #jwksUrl()}). An unset property is null and keeps the library's default.
 * Values are checked, with the library's messages, when the verifier is built at start-up. Durations are seconds
 * ({@code 60}), a number with a unit ({@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT1M});
 * lists are comma-separated. {@link #toString()} masks the secrets.
 *
 * <pre>
 * better.auth.url=https://app.example.com
 * better.auth.public-paths=/health,/public/*
 * </pre>
 *
 * <p>Each {@code @param} below is the property's description in the generated configuration metadata, which IDEs
 * show.
 *
 * @param url Better Auth's base URL, an origin such as https://app.example.com: derives the key set URL
 *     {origin}/api/auth/jwks and the expected iss and aud. Environment: BETTER_AUTH_URL.
 * @param jwksUrl The key set URL, for a custom basePath, jwks.jwksPath or jwks.remoteUrl; https, or http on loopback.
 *     Default: {baseUrl}/api/auth/jwks. Environment: BETTER_AUTH_JWKS_URL.
 * @param secret The shared secret for HS256 tokens (its UTF-8 bytes, as Better Auth uses them): at least 32 bytes,
 *     never Better Auth's public default. Default: none (HS256 off). Environment: BETTER_AUTH_SECRET.
 * @param secrets Better Auth's versioned secrets, 2:new,1:old: the first is the current one, which signs session
 *     cookies and replaces sharedSecret for every check a secret makes. Environment: BETTER_AUTH_SECRETS.
 * @param issuer The expected iss, compared exactly. Default: the base URL's origin. Environment: BETTER_AUTH_ISSUER.
 * @param audience The accepted audiences, comma-separated: one aud value must be one of them. Default: the base URL's
 *     origin. Environment: BETTER_AUTH_AUDIENCE.
 * @param algorithms The algorithm allow-list: EdDSA, Ed25519, ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384,
 *     PS512 (key set) and HS256, HS384, HS512 (secret). Default: EdDSA, ES256, ES512, RS256, PS256 with a key set;
 *     HS256 with a secret. Environment: BETTER_AUTH_ALGORITHMS.
 * @param clockSkew How far exp, nbf and iat may be off. Default: 1m. From 0s to 5m. A bare number is seconds.
 *     Environment: BETTER_AUTH_CLOCK_SKEW.
 * @param maxTokenLength The longest token accepted, in characters, checked before any decoding. Default: 8192. From 512
 *     to 65536. Environment: BETTER_AUTH_MAX_TOKEN_LENGTH.
 * @param jwksCacheTtl How long a fetched key set is used before it is fetched again; an unknown kid refreshes it
 *     sooner. Default: 5m. From 1s to 24h. A bare number is seconds. Environment: BETTER_AUTH_JWKS_CACHE_TTL.
 * @param jwksRefreshAhead How long before the cache expires a request starts a background refresh; 0 turns it off.
 *     Default: 30s. From 0s to 24h. A bare number is seconds. Environment: BETTER_AUTH_JWKS_REFRESH_AHEAD.
 * @param jwksRefreshRateLimit The key set fetch budget: two at once, then one per interval, one at a time; less than
 *     the cache TTL. Default: 500ms. From 100ms to 1h. A bare number is seconds. Environment:
 *     BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT.
 * @param jwksOutageTolerance How long after the last successful fetch its keys stay usable while the endpoint fails,
 *     for cached tokens too. Default: 1h. From 0s to 168h. A bare number is seconds. Environment:
 *     BETTER_AUTH_JWKS_OUTAGE_TOLERANCE.
 * @param httpConnectTimeout The TCP connect timeout of calls to Better Auth (key set, get-session, introspection).
 *     Default: 2s. From 100ms to 1m. A bare number is seconds. Environment: BETTER_AUTH_HTTP_CONNECT_TIMEOUT.
 * @param httpReadTimeout The deadline for a whole response from Better Auth, headers and body. Default: 5s. From 100ms
 *     to 2m. A bare number is seconds. Environment: BETTER_AUTH_HTTP_READ_TIMEOUT.
 * @param jwksSizeLimit The largest key set document accepted, in bytes. Default: 262144. From 1024 to 16777216.
 *     Environment: BETTER_AUTH_JWKS_SIZE_LIMIT.
 * @param allowInsecureHttp Allows plain http:// to Better Auth on a host other than loopback, where anyone on the path
 *     could swap the keys. Default: false. Environment: BETTER_AUTH_ALLOW_INSECURE_HTTP.
 * @param tokenCacheSize Entries of the verified-token cache (0 turns it off; else at least 16): a token seen before
 *     costs a lookup, not a signature check. Default: 0. From 0 to 10000000. Environment: BETTER_AUTH_TOKEN_CACHE_SIZE.
 * @param ed25519Engine Which implementation verifies Ed25519: auto (the fastest on the classpath: Bouncy Castle, then
 *     Tink, then the JDK), jdk, tink or bouncycastle; without it, the system property betterauth4j.ed25519. Default:
 *     auto. Environment: BETTER_AUTH_ED25519_ENGINE.
 * @param basePath Better Auth's basePath: where its endpoints (/jwks, /get-session) are under the base URL. Default:
 *     /api/auth. Environment: BETTER_AUTH_BASE_PATH.
 * @param sessions Accepts Better Auth session tokens (the session_token cookie, the bearer plugin's token), resolved by
 *     Better Auth's get-session; needs baseUrl. Default: false. Environment: BETTER_AUTH_SESSIONS.
 * @param cookie Also read the token from this cookie when there is no Authorization header. Default: off. Environment:
 *     BETTER_AUTH_COOKIE.
 * @param cookiePrefix Better Auth's advanced.cookiePrefix: the session cookie is {prefix}.session_token, or
 *     __Secure-{prefix}.session_token over https. Default: better-auth. Environment: BETTER_AUTH_COOKIE_PREFIX.
 * @param trustedOrigins Origins besides the base URL's from which a cookie-authenticated request may change something
 *     (POST, PUT, PATCH, DELETE); wildcards as in Better Auth (https://*.example.com). Default: the base URL's origin
 *     only. Environment: BETTER_AUTH_TRUSTED_ORIGINS.
 * @param acceptBareSessionTokens Accepts a bearer session token without its signature, as bearer() does unless
 *     requireSignature is set; such a token is checked by Better Auth alone. Default: false. Environment:
 *     BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS.
 * @param sessionCacheTtl How long Better Auth's answer for a session is used (never past the session's expiry): a
 *     signed-out session can pass for up to this long; 0 asks Better Auth every time. Default: 30s. From 0s to 1h. A
 *     bare number is seconds. Environment: BETTER_AUTH_SESSION_CACHE_TTL.
 * @param sessionNegativeCacheTtl How long "no such session" is remembered for a token. Default: 5s. From 0s to 5m. A
 *     bare number is seconds. Environment: BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL.
 * @param sessionCacheSize Session answers remembered at most. Default: 10000. From 1 to 10000000. Environment:
 *     BETTER_AUTH_SESSION_CACHE_SIZE.
 * @param sessionMaxConcurrentCalls Calls to Better Auth's get-session at once; requests beyond wait up to
 *     http.readTimeout, then get 503. Default: 8. From 1 to 256. Environment: BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS.
 * @param cookieCache Accepts a session by its cookie cache (session_data, any strategy) with no call to Better Auth,
 *     paired with its session_token cookie; needs the secret; falls back to get-session when sessions is on. Default:
 *     false. Environment: BETTER_AUTH_COOKIE_CACHE.
 * @param cookieCacheVersion Better Auth's session.cookieCache.version: a cache of another version is not used. Default:
 *     any. Environment: BETTER_AUTH_COOKIE_CACHE_VERSION.
 * @param resource This API's resource identifier (RFC 8707), an absolute URI such as https://api.example.com: accepts
 *     OAuth access tokens of Better Auth's OAuth provider whose aud names it (at+jwt JWTs with the key set, opaque ones
 *     by introspection), DPoP-bound or not. Default: none (access tokens off). Environment: BETTER_AUTH_RESOURCE.
 * @param accessTokenIssuer The expected iss of access tokens and introspection answers (the OAuth provider's issuer,
 *     which is not the jwt plugin's), compared exactly. Default: {baseUrl}{basePath}, e.g.
 *     https://app.example.com/api/auth. Environment: BETTER_AUTH_ACCESS_TOKEN_ISSUER.
 * @param pluginTokens Accepts JWTs of the jwt plugin (any JWT whose typ is not at+jwt); false with a resource accepts
 *     OAuth access tokens only. Default: true. Environment: BETTER_AUTH_PLUGIN_TOKENS.
 * @param introspectionClientId The OAuth client this API introspects opaque access tokens as (RFC 7662); with its
 *     secret, turns opaque tokens on; needs resource. Default: none (opaque tokens off). Environment:
 *     BETTER_AUTH_INTROSPECTION_CLIENT_ID.
 * @param introspectionClientSecret That client's secret. Environment: BETTER_AUTH_INTROSPECTION_CLIENT_SECRET.
 * @param introspectionAuthMethod How that client authenticates, as it is registered: client_secret_basic or
 *     client_secret_post. Default: client_secret_basic. Environment: BETTER_AUTH_INTROSPECTION_AUTH_METHOD.
 * @param introspectionUrl The introspection endpoint; https, or http on loopback. Default: discovered from
 *     {baseUrl}{basePath}/.well-known/oauth-authorization-server. Environment: BETTER_AUTH_INTROSPECTION_URL.
 * @param acceptMissingAudience Accepts an introspection answer without aud (a token issued without resource); off, such
 *     an answer is refused, as Better Auth's own helper does. A wrong aud is always refused. Default: false.
 *     Environment: BETTER_AUTH_ACCEPT_MISSING_AUDIENCE.
 * @param introspectionCacheTtl How long an active introspection answer is used (never past the token's exp): a revoked
 *     token can pass for up to this long; 0 asks every time. Default: 30s. From 0s to 1h. A bare number is seconds.
 *     Environment: BETTER_AUTH_INTROSPECTION_CACHE_TTL.
 * @param introspectionNegativeCacheTtl How long active: false is remembered for a token. Default: 5s. From 0s to 5m. A
 *     bare number is seconds. Environment: BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL.
 * @param introspectionCacheSize Introspection answers remembered at most. Default: 10000. From 1 to 10000000.
 *     Environment: BETTER_AUTH_INTROSPECTION_CACHE_SIZE.
 * @param introspectionMaxConcurrentCalls Introspection calls at once; requests beyond wait up to the HTTP timeouts,
 *     then get 503. Default: 8. From 1 to 256. Environment: BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS.
 * @param dpopReplayCacheSize DPoP proofs remembered to refuse a replay, in this instance's memory (each for 305 s);
 *     when full of live ones, new proofs get 503. Several instances need a shared store:
 *     AccessTokenOptions.dpopReplayStore(...). Default: 100000. From 1000 to 10000000. Environment:
 *     BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE.
 * @param publicPaths Paths that pass without credentials, separated by commas or spaces: exact (/health) or prefix
 *     (/public/*, which also matches /public), within the application, matched only in canonical form. Environment:
 *     BETTER_AUTH_PUBLIC_PATHS.
 * @param optional A request without credentials passes as anonymous; invalid credentials are still refused. Default:
 *     false. Environment: BETTER_AUTH_OPTIONAL.
 * @param realm The realm of the WWW-Authenticate challenge: printable ASCII without quotes or backslashes. Default:
 *     api. Environment: BETTER_AUTH_REALM.
 * @param roleClaim The claim whose roles become ROLE_ authorities (and isUserInRole without Spring Security): one
 *     comma-separated string or an array of strings. Default: role. Environment: BETTER_AUTH_ROLE_CLAIM.
 * @param retryAfter The Retry-After of a 503, in whole seconds. Default: 10s. From 1s to 1h. A bare number is seconds.
 *     Environment: BETTER_AUTH_RETRY_AFTER.
 * @param errorWriter Writes the body of refusals: a class with a public no-argument constructor (an
 *     AuthenticationErrorWriter bean takes its place). Default: problem+json. Environment: BETTER_AUTH_ERROR_WRITER.
 * @param listener Hears every success and failure: a class with a public no-argument constructor (an
 *     AuthenticationListener bean takes its place). Environment: BETTER_AUTH_LISTENER.
 * @param requiredScopes The OAuth scopes requests need, with the servlet filter (with Spring Security, prefer its own
 *     rules): rules METHODS PATH SCOPE... separated by ; (GET /api/** tasks:read; * /api/** tasks:write; POST,DELETE
 *     /admin/* admin:write), the first that matches decides. A missing scope is 403 insufficient_scope; needs
 *     BETTER_AUTH_RESOURCE. Environment: BETTER_AUTH_REQUIRED_SCOPES.
 * @param publicUrl The application's root as clients reach it (https://api.example.com), behind a proxy that changes
 *     the scheme, host, port or path prefix: DPoP proofs name the public URL. Default: the request's own URL.
 *     Environment: BETTER_AUTH_PUBLIC_URL.
 */
@ConfigurationProperties(prefix = BetterAuthProperties.PREFIX)
public record BetterAuthProperties(
        // The verifier's options (BetterAuthVerifier.settings()), in its table's order.
        URI url,
        URI jwksUrl,
        String secret,
        String secrets,
        String issuer,
        List<String> audience,
        List<String> algorithms,
        @DurationUnit(ChronoUnit.SECONDS) Duration clockSkew,
        Integer maxTokenLength,
        @DurationUnit(ChronoUnit.SECONDS) Duration jwksCacheTtl,
        @DurationUnit(ChronoUnit.SECONDS) Duration jwksRefreshAhead,
        @DurationUnit(ChronoUnit.SECONDS) Duration jwksRefreshRateLimit,
        @DurationUnit(ChronoUnit.SECONDS) Duration jwksOutageTolerance,
        @DurationUnit(ChronoUnit.SECONDS) Duration httpConnectTimeout,
        @DurationUnit(ChronoUnit.SECONDS) Duration httpReadTimeout,
        Integer jwksSizeLimit,
        Boolean allowInsecureHttp,
        Integer tokenCacheSize,
        String ed25519Engine,
        String basePath,
        Boolean sessions,
        String cookiePrefix,
        List<String> trustedOrigins,
        Boolean acceptBareSessionTokens,
        @DurationUnit(ChronoUnit.SECONDS) Duration sessionCacheTtl,
        @DurationUnit(ChronoUnit.SECONDS) Duration sessionNegativeCacheTtl,
        Integer sessionCacheSize,
        Integer sessionMaxConcurrentCalls,
        Boolean cookieCache,
        String cookieCacheVersion,
        String resource,
        String accessTokenIssuer,
        Boolean pluginTokens,
        String introspectionClientId,
        String introspectionClientSecret,
        String introspectionAuthMethod,
        URI introspectionUrl,
        Boolean acceptMissingAudience,
        @DurationUnit(ChronoUnit.SECONDS) Duration introspectionCacheTtl,
        @DurationUnit(ChronoUnit.SECONDS) Duration introspectionNegativeCacheTtl,
        Integer introspectionCacheSize,
        Integer introspectionMaxConcurrentCalls,
        Integer dpopReplayCacheSize,
        // The filter's options (BetterAuthFilter.settings()).
        List<String> publicPaths,
        Boolean optional,
        // Its @param comes before cookiePrefix's: the configuration processor takes the first tag that
        // begins with a component's name.
        String cookie,
        String realm,
        String roleClaim,
        @DurationUnit(ChronoUnit.SECONDS) Duration retryAfter,
        Class<? extends AuthenticationErrorWriter> errorWriter,
        Class<? extends AuthenticationListener> listener,
        String requiredScopes,
        URI publicUrl) {

    /** The prefix of every property. */
    public static final String PREFIX = "better.auth";

    /**
     * The properties that are set, each secret ({@code secret}, {@code secrets}, {@code introspection-client-secret})
     * masked: a record's own {@code toString} would print them.
     *
     * @return {@code BetterAuthProperties[url=https://app.example.com, secret=****]}, for instance
     */
    @Override
    public String toString() {
        return PropertySettings.describe(this);
    }
}

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
 * has. A test compares this class with both tables, so no option can be left out.
 *
 * <p>Unset properties keep the library's defaults. Values are checked, with the library's messages, when the verifier
 * is built at start-up. Durations are seconds ({@code 60}), a number with a unit ({@code 500ms}, {@code 90s},
 * {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT1M}); lists are comma-separated.
 *
 * <pre>
 * better.auth.url=https://app.example.com
 * better.auth.public-paths=/health,/public/*
 * </pre>
 */
@ConfigurationProperties(prefix = BetterAuthProperties.PREFIX)
public class BetterAuthProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "better.auth";

    /**
     * Better Auth's base URL, an origin such as https://app.example.com: derives the key set URL {origin}/api/auth/jwks
     * and the expected iss and aud. Environment: BETTER_AUTH_URL.
     */
    private URI url;

    /**
     * The key set URL, for a custom basePath, jwks.jwksPath or jwks.remoteUrl; https, or http on loopback. Default:
     * {baseUrl}/api/auth/jwks. Environment: BETTER_AUTH_JWKS_URL.
     */
    private URI jwksUrl;

    /**
     * The shared secret for HS256 tokens (its UTF-8 bytes, as Better Auth uses them): at least 32 bytes, never Better
     * Auth's public default. Default: none (HS256 off). Environment: BETTER_AUTH_SECRET.
     */
    private String secret;

    /**
     * Better Auth's versioned secrets, 2:new,1:old: the first is the current one, which signs session cookies and
     * replaces sharedSecret for every check a secret makes. Environment: BETTER_AUTH_SECRETS.
     */
    private String secrets;

    /**
     * The expected iss, compared exactly. Default: the base URL's origin. Environment: BETTER_AUTH_ISSUER.
     */
    private String issuer;

    /**
     * The accepted audiences, comma-separated: one aud value must be one of them. Default: the base URL's origin.
     * Environment: BETTER_AUTH_AUDIENCE.
     */
    private List<String> audience;

    /**
     * The algorithm allow-list: EdDSA, Ed25519, ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512 (key set)
     * and HS256, HS384, HS512 (secret). Default: EdDSA, ES256, ES512, RS256, PS256 with a key set; HS256 with a secret.
     * Environment: BETTER_AUTH_ALGORITHMS.
     */
    private List<String> algorithms;

    /**
     * How far exp, nbf and iat may be off. Default: 1m. From 0s to 5m. A bare number is seconds. Environment:
     * BETTER_AUTH_CLOCK_SKEW.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration clockSkew;

    /**
     * The longest token accepted, in characters, checked before any decoding. Default: 8192. From 512 to 65536.
     * Environment: BETTER_AUTH_MAX_TOKEN_LENGTH.
     */
    private Integer maxTokenLength;

    /**
     * How long a fetched key set is used before it is fetched again; an unknown kid refreshes it sooner. Default: 5m.
     * From 1s to 24h. A bare number is seconds. Environment: BETTER_AUTH_JWKS_CACHE_TTL.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration jwksCacheTtl;

    /**
     * How long before the cache expires a request starts a background refresh; 0 turns it off. Default: 30s. From 0s to
     * 24h. A bare number is seconds. Environment: BETTER_AUTH_JWKS_REFRESH_AHEAD.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration jwksRefreshAhead;

    /**
     * The key set fetch budget: two at once, then one per interval, one at a time; less than the cache TTL. Default:
     * 500ms. From 100ms to 1h. A bare number is seconds. Environment: BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration jwksRefreshRateLimit;

    /**
     * How long after the last successful fetch its keys stay usable while the endpoint fails, for cached tokens too.
     * Default: 1h. From 0s to 168h. A bare number is seconds. Environment: BETTER_AUTH_JWKS_OUTAGE_TOLERANCE.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration jwksOutageTolerance;

    /**
     * The TCP connect timeout of calls to Better Auth (key set, get-session, introspection). Default: 2s. From 100ms to
     * 1m. A bare number is seconds. Environment: BETTER_AUTH_HTTP_CONNECT_TIMEOUT.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration httpConnectTimeout;

    /**
     * The deadline for a whole response from Better Auth, headers and body. Default: 5s. From 100ms to 2m. A bare
     * number is seconds. Environment: BETTER_AUTH_HTTP_READ_TIMEOUT.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration httpReadTimeout;

    /**
     * The largest key set document accepted, in bytes. Default: 262144. From 1024 to 16777216. Environment:
     * BETTER_AUTH_JWKS_SIZE_LIMIT.
     */
    private Integer jwksSizeLimit;

    /**
     * Allows plain http:// to Better Auth on a host other than loopback, where anyone on the path could swap the keys.
     * Default: false. Environment: BETTER_AUTH_ALLOW_INSECURE_HTTP.
     */
    private Boolean allowInsecureHttp;

    /**
     * Entries of the verified-token cache (0 turns it off; else at least 16): a token seen before costs a lookup, not a
     * signature check. Default: 0. From 0 to 10000000. Environment: BETTER_AUTH_TOKEN_CACHE_SIZE.
     */
    private Integer tokenCacheSize;

    /**
     * Which implementation verifies Ed25519: auto (the fastest on the classpath: Bouncy Castle, then Tink, then the
     * JDK), jdk, tink or bouncycastle; without it, the system property betterauth4j.ed25519. Default: auto.
     * Environment: BETTER_AUTH_ED25519_ENGINE.
     */
    private String ed25519Engine;

    /**
     * Better Auth's basePath: where its endpoints (/jwks, /get-session) are under the base URL. Default: /api/auth.
     * Environment: BETTER_AUTH_BASE_PATH.
     */
    private String basePath;

    /**
     * Accepts Better Auth session tokens (the session_token cookie, the bearer plugin's token), resolved by Better
     * Auth's get-session; needs baseUrl. Default: false. Environment: BETTER_AUTH_SESSIONS.
     */
    private Boolean sessions;

    /**
     * Better Auth's advanced.cookiePrefix: the session cookie is {prefix}.session_token, or
     * __Secure-{prefix}.session_token over https. Default: better-auth. Environment: BETTER_AUTH_COOKIE_PREFIX.
     */
    private String cookiePrefix;

    /**
     * Origins besides the base URL's from which a cookie-authenticated request may change something (POST, PUT, PATCH,
     * DELETE); wildcards as in Better Auth (https://*.example.com). Default: the base URL's origin only. Environment:
     * BETTER_AUTH_TRUSTED_ORIGINS.
     */
    private List<String> trustedOrigins;

    /**
     * Accepts a bearer session token without its signature, as bearer() does unless requireSignature is set; such a
     * token is checked by Better Auth alone. Default: false. Environment: BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS.
     */
    private Boolean acceptBareSessionTokens;

    /**
     * How long Better Auth's answer for a session is used (never past the session's expiry): a signed-out session can
     * pass for up to this long; 0 asks Better Auth every time. Default: 30s. From 0s to 1h. A bare number is seconds.
     * Environment: BETTER_AUTH_SESSION_CACHE_TTL.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration sessionCacheTtl;

    /**
     * How long "no such session" is remembered for a token. Default: 5s. From 0s to 5m. A bare number is seconds.
     * Environment: BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration sessionNegativeCacheTtl;

    /**
     * Session answers remembered at most. Default: 10000. From 1 to 10000000. Environment:
     * BETTER_AUTH_SESSION_CACHE_SIZE.
     */
    private Integer sessionCacheSize;

    /**
     * Calls to Better Auth's get-session at once; requests beyond wait up to httpReadTimeout, then get 503. Default: 8.
     * From 1 to 256. Environment: BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS.
     */
    private Integer sessionMaxConcurrentCalls;

    /**
     * Accepts a session by its cookie cache (session_data, any strategy) with no call to Better Auth, paired with its
     * session_token cookie; needs the secret; falls back to get-session when sessions is on. Default: false.
     * Environment: BETTER_AUTH_COOKIE_CACHE.
     */
    private Boolean cookieCache;

    /**
     * Better Auth's session.cookieCache.version: a cache of another version is not used. Default: any. Environment:
     * BETTER_AUTH_COOKIE_CACHE_VERSION.
     */
    private String cookieCacheVersion;

    /**
     * This API's resource identifier (RFC 8707), an absolute URI such as https://api.example.com: accepts OAuth access
     * tokens of Better Auth's OAuth provider whose aud names it (at+jwt JWTs with the key set, opaque ones by
     * introspection), DPoP-bound or not. Default: none (access tokens off). Environment: BETTER_AUTH_RESOURCE.
     */
    private String resource;

    /**
     * The expected iss of access tokens and introspection answers (the OAuth provider's issuer, which is not the jwt
     * plugin's), compared exactly. Default: {baseUrl}{basePath}, e.g. https://app.example.com/api/auth. Environment:
     * BETTER_AUTH_ACCESS_TOKEN_ISSUER.
     */
    private String accessTokenIssuer;

    /**
     * Accepts JWTs of the jwt plugin (any JWT whose typ is not at+jwt); false with a resource accepts OAuth access
     * tokens only. Default: true. Environment: BETTER_AUTH_PLUGIN_TOKENS.
     */
    private Boolean pluginTokens;

    /**
     * The OAuth client this API introspects opaque access tokens as (RFC 7662); with its secret, turns opaque tokens
     * on; needs resource. Default: none (opaque tokens off). Environment: BETTER_AUTH_INTROSPECTION_CLIENT_ID.
     */
    private String introspectionClientId;

    /**
     * That client's secret. Environment: BETTER_AUTH_INTROSPECTION_CLIENT_SECRET.
     */
    private String introspectionClientSecret;

    /**
     * How that client authenticates, as it is registered: client_secret_basic or client_secret_post. Default:
     * client_secret_basic. Environment: BETTER_AUTH_INTROSPECTION_AUTH_METHOD.
     */
    private String introspectionAuthMethod;

    /**
     * The introspection endpoint; https, or http on loopback. Default: discovered from
     * `{baseUrl}{basePath}/.well-known/oauth-authorization-server. Environment: BETTER_AUTH_INTROSPECTION_URL.
     */
    private URI introspectionUrl;

    /**
     * Accepts an introspection answer without aud (a token issued without resource); off, such an answer is refused, as
     * Better Auth's own helper does. A wrong aud is always refused. Default: false. Environment:
     * BETTER_AUTH_ACCEPT_MISSING_AUDIENCE.
     */
    private Boolean acceptMissingAudience;

    /**
     * How long an active introspection answer is used (never past the token's exp): a revoked token can pass for up to
     * this long; 0 asks every time. Default: 30s. From 0s to 1h. A bare number is seconds. Environment:
     * BETTER_AUTH_INTROSPECTION_CACHE_TTL.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration introspectionCacheTtl;

    /**
     * How long active: false is remembered for a token. Default: 5s. From 0s to 5m. A bare number is seconds.
     * Environment: BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration introspectionNegativeCacheTtl;

    /**
     * Introspection answers remembered at most. Default: 10000. From 1 to 10000000. Environment:
     * BETTER_AUTH_INTROSPECTION_CACHE_SIZE.
     */
    private Integer introspectionCacheSize;

    /**
     * Introspection calls at once; requests beyond wait up to the HTTP timeouts, then get 503. Default: 8. From 1 to
     * 256. Environment: BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS.
     */
    private Integer introspectionMaxConcurrentCalls;

    /**
     * DPoP proofs remembered to refuse a replay, in this instance's memory (each for 305 s); when full of live ones,
     * new proofs get 503. Several instances need a shared store: dpopReplayStore(...). Default: 100000. From 1000 to
     * 10000000. Environment: BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE.
     */
    private Integer dpopReplayCacheSize;

    /**
     * Paths that pass without credentials, separated by commas or spaces: exact (/health) or prefix (/public/*, which
     * also matches /public), within the application, matched only in canonical form. Environment:
     * BETTER_AUTH_PUBLIC_PATHS.
     */
    private List<String> publicPaths;

    /**
     * A request without credentials passes as anonymous; invalid credentials are still refused. Default: false.
     * Environment: BETTER_AUTH_OPTIONAL.
     */
    private Boolean optional;

    /**
     * Also read the token from this cookie when there is no Authorization header. Default: off. Environment:
     * BETTER_AUTH_COOKIE.
     */
    private String cookie;

    /**
     * The realm of the WWW-Authenticate challenge: printable ASCII without quotes or backslashes. Default: api.
     * Environment: BETTER_AUTH_REALM.
     */
    private String realm;

    /**
     * The claim whose roles become ROLE_ authorities (and isUserInRole without Spring Security): one comma-separated
     * string or an array of strings. Default: role. Environment: BETTER_AUTH_ROLE_CLAIM.
     */
    private String roleClaim;

    /**
     * The Retry-After of a 503, in whole seconds. Default: 10s. From 1s to 1h. A bare number is seconds. Environment:
     * BETTER_AUTH_RETRY_AFTER.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration retryAfter;

    /**
     * Writes the body of refusals: a class with a public no-argument constructor (an AuthenticationErrorWriter bean
     * takes its place). Default: problem+json. Environment: BETTER_AUTH_ERROR_WRITER.
     */
    private Class<? extends AuthenticationErrorWriter> errorWriter;

    /**
     * Hears every success and failure: a class with a public no-argument constructor (an AuthenticationListener bean
     * takes its place). Environment: BETTER_AUTH_LISTENER.
     */
    private Class<? extends AuthenticationListener> listener;

    /**
     * The OAuth scopes requests need, with the servlet filter (with Spring Security, prefer its own rules): rules
     * METHODS PATH SCOPE... separated by ; (GET /api/** tasks:read; * /api/** tasks:write; POST,DELETE /admin/*
     * admin:write), the first that matches decides. A missing scope is 403 insufficient_scope; needs
     * BETTER_AUTH_RESOURCE. Environment: BETTER_AUTH_REQUIRED_SCOPES.
     */
    private String requiredScopes;

    /**
     * The application's root as clients reach it (https://api.example.com), behind a proxy that changes the scheme,
     * host, port or path prefix: DPoP proofs name the public URL. Default: the request's own URL. Environment:
     * BETTER_AUTH_PUBLIC_URL.
     */
    private URI publicUrl;


    /**
     * {@code better.auth.url} ({@code BETTER_AUTH_URL}).
     *
     * @return the value, or null when unset
     */
    public URI getUrl() {
        return url;
    }

    /**
     * Sets {@code better.auth.url} ({@code BETTER_AUTH_URL}).
     *
     * @param url the value, or null for the default
     */
    public void setUrl(URI url) {
        this.url = url;
    }

    /**
     * {@code better.auth.jwks-url} ({@code BETTER_AUTH_JWKS_URL}).
     *
     * @return the value, or null when unset
     */
    public URI getJwksUrl() {
        return jwksUrl;
    }

    /**
     * Sets {@code better.auth.jwks-url} ({@code BETTER_AUTH_JWKS_URL}).
     *
     * @param jwksUrl the value, or null for the default
     */
    public void setJwksUrl(URI jwksUrl) {
        this.jwksUrl = jwksUrl;
    }

    /**
     * {@code better.auth.secret} ({@code BETTER_AUTH_SECRET}).
     *
     * @return the value, or null when unset
     */
    public String getSecret() {
        return secret;
    }

    /**
     * Sets {@code better.auth.secret} ({@code BETTER_AUTH_SECRET}).
     *
     * @param secret the value, or null for the default
     */
    public void setSecret(String secret) {
        this.secret = secret;
    }

    /**
     * {@code better.auth.secrets} ({@code BETTER_AUTH_SECRETS}).
     *
     * @return the value, or null when unset
     */
    public String getSecrets() {
        return secrets;
    }

    /**
     * Sets {@code better.auth.secrets} ({@code BETTER_AUTH_SECRETS}).
     *
     * @param secrets the value, or null for the default
     */
    public void setSecrets(String secrets) {
        this.secrets = secrets;
    }

    /**
     * {@code better.auth.issuer} ({@code BETTER_AUTH_ISSUER}).
     *
     * @return the value, or null when unset
     */
    public String getIssuer() {
        return issuer;
    }

    /**
     * Sets {@code better.auth.issuer} ({@code BETTER_AUTH_ISSUER}).
     *
     * @param issuer the value, or null for the default
     */
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    /**
     * {@code better.auth.audience} ({@code BETTER_AUTH_AUDIENCE}).
     *
     * @return the value, or null when unset
     */
    public List<String> getAudience() {
        return audience;
    }

    /**
     * Sets {@code better.auth.audience} ({@code BETTER_AUTH_AUDIENCE}).
     *
     * @param audience the value, or null for the default
     */
    public void setAudience(List<String> audience) {
        this.audience = audience;
    }

    /**
     * {@code better.auth.algorithms} ({@code BETTER_AUTH_ALGORITHMS}).
     *
     * @return the value, or null when unset
     */
    public List<String> getAlgorithms() {
        return algorithms;
    }

    /**
     * Sets {@code better.auth.algorithms} ({@code BETTER_AUTH_ALGORITHMS}).
     *
     * @param algorithms the value, or null for the default
     */
    public void setAlgorithms(List<String> algorithms) {
        this.algorithms = algorithms;
    }

    /**
     * {@code better.auth.clock-skew} ({@code BETTER_AUTH_CLOCK_SKEW}).
     *
     * @return the value, or null when unset
     */
    public Duration getClockSkew() {
        return clockSkew;
    }

    /**
     * Sets {@code better.auth.clock-skew} ({@code BETTER_AUTH_CLOCK_SKEW}).
     *
     * @param clockSkew the value, or null for the default
     */
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /**
     * {@code better.auth.max-token-length} ({@code BETTER_AUTH_MAX_TOKEN_LENGTH}).
     *
     * @return the value, or null when unset
     */
    public Integer getMaxTokenLength() {
        return maxTokenLength;
    }

    /**
     * Sets {@code better.auth.max-token-length} ({@code BETTER_AUTH_MAX_TOKEN_LENGTH}).
     *
     * @param maxTokenLength the value, or null for the default
     */
    public void setMaxTokenLength(Integer maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
    }

    /**
     * {@code better.auth.jwks-cache-ttl} ({@code BETTER_AUTH_JWKS_CACHE_TTL}).
     *
     * @return the value, or null when unset
     */
    public Duration getJwksCacheTtl() {
        return jwksCacheTtl;
    }

    /**
     * Sets {@code better.auth.jwks-cache-ttl} ({@code BETTER_AUTH_JWKS_CACHE_TTL}).
     *
     * @param jwksCacheTtl the value, or null for the default
     */
    public void setJwksCacheTtl(Duration jwksCacheTtl) {
        this.jwksCacheTtl = jwksCacheTtl;
    }

    /**
     * {@code better.auth.jwks-refresh-ahead} ({@code BETTER_AUTH_JWKS_REFRESH_AHEAD}).
     *
     * @return the value, or null when unset
     */
    public Duration getJwksRefreshAhead() {
        return jwksRefreshAhead;
    }

    /**
     * Sets {@code better.auth.jwks-refresh-ahead} ({@code BETTER_AUTH_JWKS_REFRESH_AHEAD}).
     *
     * @param jwksRefreshAhead the value, or null for the default
     */
    public void setJwksRefreshAhead(Duration jwksRefreshAhead) {
        this.jwksRefreshAhead = jwksRefreshAhead;
    }

    /**
     * {@code better.auth.jwks-refresh-rate-limit} ({@code BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT}).
     *
     * @return the value, or null when unset
     */
    public Duration getJwksRefreshRateLimit() {
        return jwksRefreshRateLimit;
    }

    /**
     * Sets {@code better.auth.jwks-refresh-rate-limit} ({@code BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT}).
     *
     * @param jwksRefreshRateLimit the value, or null for the default
     */
    public void setJwksRefreshRateLimit(Duration jwksRefreshRateLimit) {
        this.jwksRefreshRateLimit = jwksRefreshRateLimit;
    }

    /**
     * {@code better.auth.jwks-outage-tolerance} ({@code BETTER_AUTH_JWKS_OUTAGE_TOLERANCE}).
     *
     * @return the value, or null when unset
     */
    public Duration getJwksOutageTolerance() {
        return jwksOutageTolerance;
    }

    /**
     * Sets {@code better.auth.jwks-outage-tolerance} ({@code BETTER_AUTH_JWKS_OUTAGE_TOLERANCE}).
     *
     * @param jwksOutageTolerance the value, or null for the default
     */
    public void setJwksOutageTolerance(Duration jwksOutageTolerance) {
        this.jwksOutageTolerance = jwksOutageTolerance;
    }

    /**
     * {@code better.auth.http-connect-timeout} ({@code BETTER_AUTH_HTTP_CONNECT_TIMEOUT}).
     *
     * @return the value, or null when unset
     */
    public Duration getHttpConnectTimeout() {
        return httpConnectTimeout;
    }

    /**
     * Sets {@code better.auth.http-connect-timeout} ({@code BETTER_AUTH_HTTP_CONNECT_TIMEOUT}).
     *
     * @param httpConnectTimeout the value, or null for the default
     */
    public void setHttpConnectTimeout(Duration httpConnectTimeout) {
        this.httpConnectTimeout = httpConnectTimeout;
    }

    /**
     * {@code better.auth.http-read-timeout} ({@code BETTER_AUTH_HTTP_READ_TIMEOUT}).
     *
     * @return the value, or null when unset
     */
    public Duration getHttpReadTimeout() {
        return httpReadTimeout;
    }

    /**
     * Sets {@code better.auth.http-read-timeout} ({@code BETTER_AUTH_HTTP_READ_TIMEOUT}).
     *
     * @param httpReadTimeout the value, or null for the default
     */
    public void setHttpReadTimeout(Duration httpReadTimeout) {
        this.httpReadTimeout = httpReadTimeout;
    }

    /**
     * {@code better.auth.jwks-size-limit} ({@code BETTER_AUTH_JWKS_SIZE_LIMIT}).
     *
     * @return the value, or null when unset
     */
    public Integer getJwksSizeLimit() {
        return jwksSizeLimit;
    }

    /**
     * Sets {@code better.auth.jwks-size-limit} ({@code BETTER_AUTH_JWKS_SIZE_LIMIT}).
     *
     * @param jwksSizeLimit the value, or null for the default
     */
    public void setJwksSizeLimit(Integer jwksSizeLimit) {
        this.jwksSizeLimit = jwksSizeLimit;
    }

    /**
     * {@code better.auth.allow-insecure-http} ({@code BETTER_AUTH_ALLOW_INSECURE_HTTP}).
     *
     * @return the value, or null when unset
     */
    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * Sets {@code better.auth.allow-insecure-http} ({@code BETTER_AUTH_ALLOW_INSECURE_HTTP}).
     *
     * @param allowInsecureHttp the value, or null for the default
     */
    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    /**
     * {@code better.auth.token-cache-size} ({@code BETTER_AUTH_TOKEN_CACHE_SIZE}).
     *
     * @return the value, or null when unset
     */
    public Integer getTokenCacheSize() {
        return tokenCacheSize;
    }

    /**
     * Sets {@code better.auth.token-cache-size} ({@code BETTER_AUTH_TOKEN_CACHE_SIZE}).
     *
     * @param tokenCacheSize the value, or null for the default
     */
    public void setTokenCacheSize(Integer tokenCacheSize) {
        this.tokenCacheSize = tokenCacheSize;
    }

    /**
     * {@code better.auth.ed25519-engine} ({@code BETTER_AUTH_ED25519_ENGINE}).
     *
     * @return the value, or null when unset
     */
    public String getEd25519Engine() {
        return ed25519Engine;
    }

    /**
     * Sets {@code better.auth.ed25519-engine} ({@code BETTER_AUTH_ED25519_ENGINE}).
     *
     * @param ed25519Engine the value, or null for the default
     */
    public void setEd25519Engine(String ed25519Engine) {
        this.ed25519Engine = ed25519Engine;
    }

    /**
     * {@code better.auth.base-path} ({@code BETTER_AUTH_BASE_PATH}).
     *
     * @return the value, or null when unset
     */
    public String getBasePath() {
        return basePath;
    }

    /**
     * Sets {@code better.auth.base-path} ({@code BETTER_AUTH_BASE_PATH}).
     *
     * @param basePath the value, or null for the default
     */
    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    /**
     * {@code better.auth.sessions} ({@code BETTER_AUTH_SESSIONS}).
     *
     * @return the value, or null when unset
     */
    public Boolean getSessions() {
        return sessions;
    }

    /**
     * Sets {@code better.auth.sessions} ({@code BETTER_AUTH_SESSIONS}).
     *
     * @param sessions the value, or null for the default
     */
    public void setSessions(Boolean sessions) {
        this.sessions = sessions;
    }

    /**
     * {@code better.auth.cookie-prefix} ({@code BETTER_AUTH_COOKIE_PREFIX}).
     *
     * @return the value, or null when unset
     */
    public String getCookiePrefix() {
        return cookiePrefix;
    }

    /**
     * Sets {@code better.auth.cookie-prefix} ({@code BETTER_AUTH_COOKIE_PREFIX}).
     *
     * @param cookiePrefix the value, or null for the default
     */
    public void setCookiePrefix(String cookiePrefix) {
        this.cookiePrefix = cookiePrefix;
    }

    /**
     * {@code better.auth.trusted-origins} ({@code BETTER_AUTH_TRUSTED_ORIGINS}).
     *
     * @return the value, or null when unset
     */
    public List<String> getTrustedOrigins() {
        return trustedOrigins;
    }

    /**
     * Sets {@code better.auth.trusted-origins} ({@code BETTER_AUTH_TRUSTED_ORIGINS}).
     *
     * @param trustedOrigins the value, or null for the default
     */
    public void setTrustedOrigins(List<String> trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    /**
     * {@code better.auth.accept-bare-session-tokens} ({@code BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS}).
     *
     * @return the value, or null when unset
     */
    public Boolean getAcceptBareSessionTokens() {
        return acceptBareSessionTokens;
    }

    /**
     * Sets {@code better.auth.accept-bare-session-tokens} ({@code BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS}).
     *
     * @param acceptBareSessionTokens the value, or null for the default
     */
    public void setAcceptBareSessionTokens(Boolean acceptBareSessionTokens) {
        this.acceptBareSessionTokens = acceptBareSessionTokens;
    }

    /**
     * {@code better.auth.session-cache-ttl} ({@code BETTER_AUTH_SESSION_CACHE_TTL}).
     *
     * @return the value, or null when unset
     */
    public Duration getSessionCacheTtl() {
        return sessionCacheTtl;
    }

    /**
     * Sets {@code better.auth.session-cache-ttl} ({@code BETTER_AUTH_SESSION_CACHE_TTL}).
     *
     * @param sessionCacheTtl the value, or null for the default
     */
    public void setSessionCacheTtl(Duration sessionCacheTtl) {
        this.sessionCacheTtl = sessionCacheTtl;
    }

    /**
     * {@code better.auth.session-negative-cache-ttl} ({@code BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL}).
     *
     * @return the value, or null when unset
     */
    public Duration getSessionNegativeCacheTtl() {
        return sessionNegativeCacheTtl;
    }

    /**
     * Sets {@code better.auth.session-negative-cache-ttl} ({@code BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL}).
     *
     * @param sessionNegativeCacheTtl the value, or null for the default
     */
    public void setSessionNegativeCacheTtl(Duration sessionNegativeCacheTtl) {
        this.sessionNegativeCacheTtl = sessionNegativeCacheTtl;
    }

    /**
     * {@code better.auth.session-cache-size} ({@code BETTER_AUTH_SESSION_CACHE_SIZE}).
     *
     * @return the value, or null when unset
     */
    public Integer getSessionCacheSize() {
        return sessionCacheSize;
    }

    /**
     * Sets {@code better.auth.session-cache-size} ({@code BETTER_AUTH_SESSION_CACHE_SIZE}).
     *
     * @param sessionCacheSize the value, or null for the default
     */
    public void setSessionCacheSize(Integer sessionCacheSize) {
        this.sessionCacheSize = sessionCacheSize;
    }

    /**
     * {@code better.auth.session-max-concurrent-calls} ({@code BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS}).
     *
     * @return the value, or null when unset
     */
    public Integer getSessionMaxConcurrentCalls() {
        return sessionMaxConcurrentCalls;
    }

    /**
     * Sets {@code better.auth.session-max-concurrent-calls} ({@code BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS}).
     *
     * @param sessionMaxConcurrentCalls the value, or null for the default
     */
    public void setSessionMaxConcurrentCalls(Integer sessionMaxConcurrentCalls) {
        this.sessionMaxConcurrentCalls = sessionMaxConcurrentCalls;
    }

    /**
     * {@code better.auth.cookie-cache} ({@code BETTER_AUTH_COOKIE_CACHE}).
     *
     * @return the value, or null when unset
     */
    public Boolean getCookieCache() {
        return cookieCache;
    }

    /**
     * Sets {@code better.auth.cookie-cache} ({@code BETTER_AUTH_COOKIE_CACHE}).
     *
     * @param cookieCache the value, or null for the default
     */
    public void setCookieCache(Boolean cookieCache) {
        this.cookieCache = cookieCache;
    }

    /**
     * {@code better.auth.cookie-cache-version} ({@code BETTER_AUTH_COOKIE_CACHE_VERSION}).
     *
     * @return the value, or null when unset
     */
    public String getCookieCacheVersion() {
        return cookieCacheVersion;
    }

    /**
     * Sets {@code better.auth.cookie-cache-version} ({@code BETTER_AUTH_COOKIE_CACHE_VERSION}).
     *
     * @param cookieCacheVersion the value, or null for the default
     */
    public void setCookieCacheVersion(String cookieCacheVersion) {
        this.cookieCacheVersion = cookieCacheVersion;
    }

    /**
     * {@code better.auth.resource} ({@code BETTER_AUTH_RESOURCE}).
     *
     * @return the value, or null when unset
     */
    public String getResource() {
        return resource;
    }

    /**
     * Sets {@code better.auth.resource} ({@code BETTER_AUTH_RESOURCE}).
     *
     * @param resource the value, or null for the default
     */
    public void setResource(String resource) {
        this.resource = resource;
    }

    /**
     * {@code better.auth.access-token-issuer} ({@code BETTER_AUTH_ACCESS_TOKEN_ISSUER}).
     *
     * @return the value, or null when unset
     */
    public String getAccessTokenIssuer() {
        return accessTokenIssuer;
    }

    /**
     * Sets {@code better.auth.access-token-issuer} ({@code BETTER_AUTH_ACCESS_TOKEN_ISSUER}).
     *
     * @param accessTokenIssuer the value, or null for the default
     */
    public void setAccessTokenIssuer(String accessTokenIssuer) {
        this.accessTokenIssuer = accessTokenIssuer;
    }

    /**
     * {@code better.auth.plugin-tokens} ({@code BETTER_AUTH_PLUGIN_TOKENS}).
     *
     * @return the value, or null when unset
     */
    public Boolean getPluginTokens() {
        return pluginTokens;
    }

    /**
     * Sets {@code better.auth.plugin-tokens} ({@code BETTER_AUTH_PLUGIN_TOKENS}).
     *
     * @param pluginTokens the value, or null for the default
     */
    public void setPluginTokens(Boolean pluginTokens) {
        this.pluginTokens = pluginTokens;
    }

    /**
     * {@code better.auth.introspection-client-id} ({@code BETTER_AUTH_INTROSPECTION_CLIENT_ID}).
     *
     * @return the value, or null when unset
     */
    public String getIntrospectionClientId() {
        return introspectionClientId;
    }

    /**
     * Sets {@code better.auth.introspection-client-id} ({@code BETTER_AUTH_INTROSPECTION_CLIENT_ID}).
     *
     * @param introspectionClientId the value, or null for the default
     */
    public void setIntrospectionClientId(String introspectionClientId) {
        this.introspectionClientId = introspectionClientId;
    }

    /**
     * {@code better.auth.introspection-client-secret} ({@code BETTER_AUTH_INTROSPECTION_CLIENT_SECRET}).
     *
     * @return the value, or null when unset
     */
    public String getIntrospectionClientSecret() {
        return introspectionClientSecret;
    }

    /**
     * Sets {@code better.auth.introspection-client-secret} ({@code BETTER_AUTH_INTROSPECTION_CLIENT_SECRET}).
     *
     * @param introspectionClientSecret the value, or null for the default
     */
    public void setIntrospectionClientSecret(String introspectionClientSecret) {
        this.introspectionClientSecret = introspectionClientSecret;
    }

    /**
     * {@code better.auth.introspection-auth-method} ({@code BETTER_AUTH_INTROSPECTION_AUTH_METHOD}).
     *
     * @return the value, or null when unset
     */
    public String getIntrospectionAuthMethod() {
        return introspectionAuthMethod;
    }

    /**
     * Sets {@code better.auth.introspection-auth-method} ({@code BETTER_AUTH_INTROSPECTION_AUTH_METHOD}).
     *
     * @param introspectionAuthMethod the value, or null for the default
     */
    public void setIntrospectionAuthMethod(String introspectionAuthMethod) {
        this.introspectionAuthMethod = introspectionAuthMethod;
    }

    /**
     * {@code better.auth.introspection-url} ({@code BETTER_AUTH_INTROSPECTION_URL}).
     *
     * @return the value, or null when unset
     */
    public URI getIntrospectionUrl() {
        return introspectionUrl;
    }

    /**
     * Sets {@code better.auth.introspection-url} ({@code BETTER_AUTH_INTROSPECTION_URL}).
     *
     * @param introspectionUrl the value, or null for the default
     */
    public void setIntrospectionUrl(URI introspectionUrl) {
        this.introspectionUrl = introspectionUrl;
    }

    /**
     * {@code better.auth.accept-missing-audience} ({@code BETTER_AUTH_ACCEPT_MISSING_AUDIENCE}).
     *
     * @return the value, or null when unset
     */
    public Boolean getAcceptMissingAudience() {
        return acceptMissingAudience;
    }

    /**
     * Sets {@code better.auth.accept-missing-audience} ({@code BETTER_AUTH_ACCEPT_MISSING_AUDIENCE}).
     *
     * @param acceptMissingAudience the value, or null for the default
     */
    public void setAcceptMissingAudience(Boolean acceptMissingAudience) {
        this.acceptMissingAudience = acceptMissingAudience;
    }

    /**
     * {@code better.auth.introspection-cache-ttl} ({@code BETTER_AUTH_INTROSPECTION_CACHE_TTL}).
     *
     * @return the value, or null when unset
     */
    public Duration getIntrospectionCacheTtl() {
        return introspectionCacheTtl;
    }

    /**
     * Sets {@code better.auth.introspection-cache-ttl} ({@code BETTER_AUTH_INTROSPECTION_CACHE_TTL}).
     *
     * @param introspectionCacheTtl the value, or null for the default
     */
    public void setIntrospectionCacheTtl(Duration introspectionCacheTtl) {
        this.introspectionCacheTtl = introspectionCacheTtl;
    }

    /**
     * {@code better.auth.introspection-negative-cache-ttl} ({@code BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL}).
     *
     * @return the value, or null when unset
     */
    public Duration getIntrospectionNegativeCacheTtl() {
        return introspectionNegativeCacheTtl;
    }

    /**
     * Sets {@code better.auth.introspection-negative-cache-ttl} ({@code BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL}).
     *
     * @param introspectionNegativeCacheTtl the value, or null for the default
     */
    public void setIntrospectionNegativeCacheTtl(Duration introspectionNegativeCacheTtl) {
        this.introspectionNegativeCacheTtl = introspectionNegativeCacheTtl;
    }

    /**
     * {@code better.auth.introspection-cache-size} ({@code BETTER_AUTH_INTROSPECTION_CACHE_SIZE}).
     *
     * @return the value, or null when unset
     */
    public Integer getIntrospectionCacheSize() {
        return introspectionCacheSize;
    }

    /**
     * Sets {@code better.auth.introspection-cache-size} ({@code BETTER_AUTH_INTROSPECTION_CACHE_SIZE}).
     *
     * @param introspectionCacheSize the value, or null for the default
     */
    public void setIntrospectionCacheSize(Integer introspectionCacheSize) {
        this.introspectionCacheSize = introspectionCacheSize;
    }

    /**
     * {@code better.auth.introspection-max-concurrent-calls} ({@code BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS}).
     *
     * @return the value, or null when unset
     */
    public Integer getIntrospectionMaxConcurrentCalls() {
        return introspectionMaxConcurrentCalls;
    }

    /**
     * Sets {@code better.auth.introspection-max-concurrent-calls} ({@code BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS}).
     *
     * @param introspectionMaxConcurrentCalls the value, or null for the default
     */
    public void setIntrospectionMaxConcurrentCalls(Integer introspectionMaxConcurrentCalls) {
        this.introspectionMaxConcurrentCalls = introspectionMaxConcurrentCalls;
    }

    /**
     * {@code better.auth.dpop-replay-cache-size} ({@code BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE}).
     *
     * @return the value, or null when unset
     */
    public Integer getDpopReplayCacheSize() {
        return dpopReplayCacheSize;
    }

    /**
     * Sets {@code better.auth.dpop-replay-cache-size} ({@code BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE}).
     *
     * @param dpopReplayCacheSize the value, or null for the default
     */
    public void setDpopReplayCacheSize(Integer dpopReplayCacheSize) {
        this.dpopReplayCacheSize = dpopReplayCacheSize;
    }

    /**
     * {@code better.auth.public-paths} ({@code BETTER_AUTH_PUBLIC_PATHS}).
     *
     * @return the value, or null when unset
     */
    public List<String> getPublicPaths() {
        return publicPaths;
    }

    /**
     * Sets {@code better.auth.public-paths} ({@code BETTER_AUTH_PUBLIC_PATHS}).
     *
     * @param publicPaths the value, or null for the default
     */
    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    /**
     * {@code better.auth.optional} ({@code BETTER_AUTH_OPTIONAL}).
     *
     * @return the value, or null when unset
     */
    public Boolean getOptional() {
        return optional;
    }

    /**
     * Sets {@code better.auth.optional} ({@code BETTER_AUTH_OPTIONAL}).
     *
     * @param optional the value, or null for the default
     */
    public void setOptional(Boolean optional) {
        this.optional = optional;
    }

    /**
     * {@code better.auth.cookie} ({@code BETTER_AUTH_COOKIE}).
     *
     * @return the value, or null when unset
     */
    public String getCookie() {
        return cookie;
    }

    /**
     * Sets {@code better.auth.cookie} ({@code BETTER_AUTH_COOKIE}).
     *
     * @param cookie the value, or null for the default
     */
    public void setCookie(String cookie) {
        this.cookie = cookie;
    }

    /**
     * {@code better.auth.realm} ({@code BETTER_AUTH_REALM}).
     *
     * @return the value, or null when unset
     */
    public String getRealm() {
        return realm;
    }

    /**
     * Sets {@code better.auth.realm} ({@code BETTER_AUTH_REALM}).
     *
     * @param realm the value, or null for the default
     */
    public void setRealm(String realm) {
        this.realm = realm;
    }

    /**
     * {@code better.auth.role-claim} ({@code BETTER_AUTH_ROLE_CLAIM}).
     *
     * @return the value, or null when unset
     */
    public String getRoleClaim() {
        return roleClaim;
    }

    /**
     * Sets {@code better.auth.role-claim} ({@code BETTER_AUTH_ROLE_CLAIM}).
     *
     * @param roleClaim the value, or null for the default
     */
    public void setRoleClaim(String roleClaim) {
        this.roleClaim = roleClaim;
    }

    /**
     * {@code better.auth.retry-after} ({@code BETTER_AUTH_RETRY_AFTER}).
     *
     * @return the value, or null when unset
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /**
     * Sets {@code better.auth.retry-after} ({@code BETTER_AUTH_RETRY_AFTER}).
     *
     * @param retryAfter the value, or null for the default
     */
    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /**
     * {@code better.auth.error-writer} ({@code BETTER_AUTH_ERROR_WRITER}).
     *
     * @return the value, or null when unset
     */
    public Class<? extends AuthenticationErrorWriter> getErrorWriter() {
        return errorWriter;
    }

    /**
     * Sets {@code better.auth.error-writer} ({@code BETTER_AUTH_ERROR_WRITER}).
     *
     * @param errorWriter the value, or null for the default
     */
    public void setErrorWriter(Class<? extends AuthenticationErrorWriter> errorWriter) {
        this.errorWriter = errorWriter;
    }

    /**
     * {@code better.auth.listener} ({@code BETTER_AUTH_LISTENER}).
     *
     * @return the value, or null when unset
     */
    public Class<? extends AuthenticationListener> getListener() {
        return listener;
    }

    /**
     * Sets {@code better.auth.listener} ({@code BETTER_AUTH_LISTENER}).
     *
     * @param listener the value, or null for the default
     */
    public void setListener(Class<? extends AuthenticationListener> listener) {
        this.listener = listener;
    }

    /**
     * {@code better.auth.required-scopes} ({@code BETTER_AUTH_REQUIRED_SCOPES}).
     *
     * @return the value, or null when unset
     */
    public String getRequiredScopes() {
        return requiredScopes;
    }

    /**
     * Sets {@code better.auth.required-scopes} ({@code BETTER_AUTH_REQUIRED_SCOPES}).
     *
     * @param requiredScopes the value, or null for the default
     */
    public void setRequiredScopes(String requiredScopes) {
        this.requiredScopes = requiredScopes;
    }

    /**
     * {@code better.auth.public-url} ({@code BETTER_AUTH_PUBLIC_URL}).
     *
     * @return the value, or null when unset
     */
    public URI getPublicUrl() {
        return publicUrl;
    }

    /**
     * Sets {@code better.auth.public-url} ({@code BETTER_AUTH_PUBLIC_URL}).
     *
     * @param publicUrl the value, or null for the default
     */
    public void setPublicUrl(URI publicUrl) {
        this.publicUrl = publicUrl;
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.jwk.JWKSet;
import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies Better Auth credentials and returns the {@link AuthenticatedUser} they speak for.
 *
 * <p>Build one per application and share it: it is immutable and thread-safe, and it caches the key set.
 * With only a base URL it does what Better Auth's {@code jwt} plugin expects of a resource server: keys from
 * {@code {baseUrl}/api/auth/jwks} (EdDSA by default; ES256, ES512, RS256, PS256 too), {@code iss} and
 * {@code aud} equal to the base URL's origin.
 *
 * <pre>{@code
 * BetterAuthVerifier verifier = BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .build();
 *
 * AuthenticatedUser user = verifier.verify(token);   // throws TokenVerificationException
 * }</pre>
 *
 * <p>A verification does, in this order: length check (before any decoding), compact JWS structure, header
 * policy (allowed {@code alg}; no {@code none}, {@code jwk}, {@code jku}, {@code x5u}, {@code x5c},
 * {@code crit}), the {@code typ} of the credential's kind, key selection by {@code kid} (refreshing the key set for
 * an unknown {@code kid}), signature, then claims ({@code sub}, {@code exp}, {@code nbf}, {@code iat},
 * {@code iss}, {@code aud}). Each failure is a {@link TokenVerificationException} with its
 * {@link TokenVerificationException.Reason}.
 *
 * <p>Every option is described in docs/auth-core.md, whose table is generated from the same configuration table
 * the builder, {@link #fromEnvironment()} and {@link #fromProperties(Map)} use. Close the verifier when the
 * application stops, to end its background key refresh.
 */
public final class BetterAuthVerifier implements AutoCloseable {

    private static final String BEARER = "bearer";

    private final JwtVerifier jwt;
    private final SessionVerifier sessions;
    private final AccessTokenVerifier accessTokens;
    private final List<String> sessionCookieNames;
    private final TrustedOrigins trustedOrigins;
    private final VerifierObserver observer;
    private final String description;

    BetterAuthVerifier(JwtVerifier jwt, SessionVerifier sessions, AccessTokenVerifier accessTokens,
                       List<String> sessionCookieNames, TrustedOrigins trustedOrigins, VerifierObserver observer,
                       String description) {
        this.jwt = jwt;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.sessionCookieNames = List.copyOf(sessionCookieNames);
        this.trustedOrigins = trustedOrigins;
        this.observer = observer;
        this.description = description;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with the defaults of docs/auth-core.md
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The verifier's configuration table: every option that has a setting, with its builder name
     * ({@link Setting#name()}), its {@code BETTER_AUTH_*} name ({@link Setting#key()}), type, default, bounds and
     * meaning, in the order docs/auth-core.md lists them. For frameworks that bind the options from their own
     * configuration (the Spring Boot starter maps each to a {@code better.auth.*} property) and check that none is
     * left out; {@link dev.betterauth4j.core.settings.SettingsReader#read} gives texts to a {@link Builder} through it.
     *
     * @return the table, unmodifiable
     */
    public static List<Setting<Builder, ?>> settings() {
        return VerifierSettings.TABLE;
    }

    /**
     * Builds a verifier from the process environment ({@code BETTER_AUTH_URL}, {@code BETTER_AUTH_SECRET}, ...).
     *
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing or invalid, or a {@code BETTER_AUTH_*} variable looks
     *                                  like a misspelling of one; the message names it
     * @see #fromEnvironment(Map)
     */
    public static BetterAuthVerifier fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Builds a verifier from environment variables, as {@link #fromProperties(Map)} does, but tolerant of what else
     * an environment holds: variables Better Auth itself reads ({@code BETTER_AUTH_SECRETS},
     * {@code BETTER_AUTH_TRUSTED_ORIGINS}, {@code BETTER_AUTH_TELEMETRY*}) are ignored, an unknown
     * {@code BETTER_AUTH_*} variable within three edits of a setting ({@code BETTER_AUTH_AUDIENCES}) fails as a
     * misspelling, and any other unknown {@code BETTER_AUTH_*} variable is ignored with a warning naming it.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing, invalid or misspelt; the message names it and never
     *                                  contains the secret
     */
    public static BetterAuthVerifier fromEnvironment(Map<String, String> environment) {
        return VerifierSettings.read(environment, SettingSource.ENVIRONMENT, builder()).build();
    }

    /**
     * Builds a verifier from settings named like Better Auth's environment variables ({@code BETTER_AUTH_URL},
     * {@code BETTER_AUTH_SECRET}, ...; every one is listed in docs/auth-core.md), as the servlet filter's init
     * parameters give them. Blank values count as unset. Any other key starting with {@code BETTER_AUTH_} fails, with
     * the closest known name in the message (a typo in a security setting must not pass silently), except the
     * variables Better Auth itself reads; keys without that prefix are ignored.
     *
     * @param properties the settings
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing, unknown or invalid; the message names it and never
     *                                  contains the secret
     */
    public static BetterAuthVerifier fromProperties(Map<String, String> properties) {
        return VerifierSettings.read(properties, SettingSource.PROPERTIES, builder()).build();
    }

    /**
     * Verifies a token of Better Auth's {@code jwt} plugin (or, with {@code BETTER_AUTH_RESOURCE}, a JWT access token
     * sent as {@code Bearer}) and returns the user it speaks for. A DPoP-bound access token is refused
     * ({@code WRONG_SCHEME}): it needs {@link #verify(Credential, RequestContext)} with its proof.
     *
     * @param token the compact JWS, as sent after {@code Bearer }
     * @return the verified user
     * @throws TokenVerificationException if the token is not accepted; {@link TokenVerificationException#reason()}
     *                                    says why. {@code KEY_SOURCE_UNAVAILABLE} is an outage (answer 503), every
     *                                    other reason is the token's fault (answer 401)
     */
    public AuthenticatedUser verify(String token) throws TokenVerificationException {
        VerifierObserver.Verification observed = ObserverCalls.verificationStarted(observer, BEARER);
        try {
            return verified(observed, bound(jwt.verify(token), null, null));
        } catch (TokenVerificationException e) {
            throw refused(observed, e);
        }
    }

    /**
     * Verifies a credential that is not a cookie ({@link Credential#ambient()} is false): decides its
     * {@linkplain CredentialKind kind} and verifies it with that kind's profile.
     *
     * @param credential the credential
     * @return the verified user
     * @throws TokenVerificationException if the credential is not accepted, as {@link #verify(String)}
     * @throws IllegalArgumentException   for a cookie credential: it needs {@link #verify(Credential, RequestContext)},
     *                                    which checks where the request came from
     */
    public AuthenticatedUser verify(Credential credential) throws TokenVerificationException {
        if (Objects.requireNonNull(credential, "credential").ambient()) {
            throw new IllegalArgumentException("A cookie credential needs the request's method and origin: call"
                    + " verify(credential, request)");
        }
        if (credential instanceof Credential.DPoP) {
            throw new IllegalArgumentException("A DPoP credential needs the request's method and URL: call"
                    + " verify(credential, request)");
        }
        return verify(credential, new RequestContext("GET", null, null));
    }

    /**
     * Verifies a credential as a request presents it: refuses a cookie credential on a request that changes something
     * from an untrusted origin ({@code UNTRUSTED_ORIGIN}, answer 403), then decides the credential's
     * {@linkplain CredentialKind kind} and verifies it with that kind's profile, then applies the sender constraint of
     * DPoP-bound access tokens. A bearer (or DPoP) value shaped like a JWT (two or more dots) is a JWT, an access token
     * if its {@code typ} is {@code at+jwt}; a value with one dot is a session token (Better Auth signs them as
     * {@code token.signature}); a value without a dot is an opaque access token when introspection is configured,
     * else a bare session token.
     *
     * @param credential the credential
     * @param request    what the request says about itself
     * @return the verified user
     * @throws TokenVerificationException if the credential or the request is not accepted; the reason says why
     *                                    ({@link TokenVerificationException.Reason#isOutage()}: 503,
     *                                    {@link TokenVerificationException.Reason#isForbidden()}: 403, else 401)
     * @throws NullPointerException       if an argument is null
     */
    public AuthenticatedUser verify(Credential credential, RequestContext request) throws TokenVerificationException {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(request, "request");
        VerifierObserver.Verification observed = ObserverCalls.verificationStarted(observer, presentedAs(credential));
        try {
            return verified(observed, verifyUnobserved(credential, request));
        } catch (TokenVerificationException e) {
            throw refused(observed, e);
        }
    }

    /** How {@link VerifierObserver#verificationStarted} names the way a credential was presented. */
    private static String presentedAs(Credential credential) {
        return credential instanceof Credential.SessionCookie ? "session_cookie"
                : credential instanceof Credential.TokenCookie ? "token_cookie"
                : credential instanceof Credential.DPoP ? "dpop" : BEARER;
    }

    private static AuthenticatedUser verified(VerifierObserver.Verification observed, AuthenticatedUser user) {
        ObserverCalls.verified(observed, user);
        return user;
    }

    private static TokenVerificationException refused(VerifierObserver.Verification observed,
                                                      TokenVerificationException refusal) {
        ObserverCalls.refused(observed, refusal);
        return refusal;
    }

    private AuthenticatedUser verifyUnobserved(Credential credential, RequestContext request)
            throws TokenVerificationException {
        if (credential.ambient() && request.changesState() && !trustedOrigins.allows(request)) {
            throw new TokenVerificationException(TokenVerificationException.Reason.UNTRUSTED_ORIGIN, "A request"
                    + " authenticated by a cookie must come from a trusted origin to change something");
        }
        if (credential instanceof Credential.SessionCookie cookie) {
            return sessions().verify(cookie.name(), cookie.value(), cookie.cookieCache());
        }
        if (credential instanceof Credential.TokenCookie cookie) {
            return bound(jwt.verify(cookie.token()), null, request);
        }
        if (credential instanceof Credential.DPoP dpop) {
            return bound(verifyValue(dpop.token()), dpop, request);
        }
        return bound(verifyValue(((Credential.Bearer) credential).token()), null, request);
    }

    /**
     * Whether this verifier accepts OAuth access tokens, and for which resource.
     *
     * @return what the protected-resource metadata (RFC 9728) and the challenges need, or empty when
     *         {@code BETTER_AUTH_RESOURCE} is not set
     */
    public Optional<ProtectedResource> protectedResource() {
        return accessTokens == null ? Optional.empty() : Optional.of(accessTokens.protectedResource());
    }

    /** A value from an {@code Authorization} header, by its shape: see {@link #verify(Credential, RequestContext)}. */
    private AuthenticatedUser verifyValue(String token) throws TokenVerificationException {
        if (looksLikeJwt(token)) {
            return jwt.verify(token);
        }
        boolean introspects = accessTokens != null && accessTokens.introspects();
        if (sessions != null && (!introspects || token.indexOf('.') >= 0)) {
            return sessions.verify(null, token, Map.of());
        }
        return introspects ? accessTokens.introspect(token) : jwt.verify(token);
    }

    /** The sender constraint: a DPoP-bound access token only with its proof, the DPoP scheme only for one. */
    private AuthenticatedUser bound(AuthenticatedUser user, Credential.DPoP dpop, RequestContext request)
            throws TokenVerificationException {
        if (accessTokens != null) {
            return accessTokens.bind(user, dpop, request);
        }
        if (dpop != null) {
            throw AccessTokenVerifier.unbound();
        }
        return user;
    }

    /**
     * The names of the session cookies this verifier reads, when session credentials are on:
     * {@code __Secure-{prefix}.session_token} and {@code {prefix}.session_token}.
     *
     * @return the names, empty when session credentials are off
     */
    public List<String> sessionCookieNames() {
        return sessionCookieNames;
    }

    private SessionVerifier sessions() throws TokenVerificationException {
        if (sessions == null) {
            throw new TokenVerificationException(TokenVerificationException.Reason.MALFORMED, "Session credentials"
                    + " are not accepted here");
        }
        return sessions;
    }

    /** A compact JWS or JWE has at least two dots; a session token has at most one. */
    private static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first >= 0 && token.indexOf('.', first + 1) >= 0;
    }

    /** For tests: the number of cached tokens, or -1 without a cache. */
    int cachedTokens() {
        return jwt.cachedTokens();
    }

    /**
     * Stops the background refresh of the key set. Verification still works with what is cached.
     */
    @Override
    public void close() {
        jwt.close();
        if (sessions != null) {
            sessions.close();
        }
        if (accessTokens != null) {
            accessTokens.close();
        }
    }

    /**
     * Describes the configuration (key source, issuer, audiences, algorithms); never the secret.
     */
    @Override
    public String toString() {
        return description;
    }

    /**
     * Configures a {@link BetterAuthVerifier}. Every option is checked by {@link #build()}, which names the option
     * and its {@code BETTER_AUTH_*} setting in its message; docs/auth-core.md gives each one's default and bounds.
     * Builders are not thread-safe; the verifiers they build are.
     */
    public static final class Builder {

        URI baseUrl;
        URI jwksUrl;
        JWKSet jwks;
        String sharedSecret;
        String issuer;
        List<String> audiences;
        List<String> algorithms;
        Duration clockSkew = VerifierSettings.CLOCK_SKEW.defaultValue();
        int maxTokenLength = VerifierSettings.MAX_TOKEN_LENGTH.defaultValue();
        Clock clock = Clock.systemUTC();
        Clock cacheClock = Clock.systemUTC();
        Duration jwksCacheTtl = VerifierSettings.JWKS_CACHE_TTL.defaultValue();
        Duration jwksRefreshAhead = VerifierSettings.JWKS_REFRESH_AHEAD.defaultValue();
        Duration jwksRefreshRateLimit = VerifierSettings.JWKS_REFRESH_RATE_LIMIT.defaultValue();
        Duration jwksOutageTolerance = VerifierSettings.JWKS_OUTAGE_TOLERANCE.defaultValue();
        Duration httpConnectTimeout = VerifierSettings.HTTP_CONNECT_TIMEOUT.defaultValue();
        Duration httpReadTimeout = VerifierSettings.HTTP_READ_TIMEOUT.defaultValue();
        int jwksSizeLimit = VerifierSettings.JWKS_SIZE_LIMIT.defaultValue();
        boolean allowInsecureHttp = VerifierSettings.ALLOW_INSECURE_HTTP.defaultValue();
        int tokenCacheSize = VerifierSettings.TOKEN_CACHE_SIZE.defaultValue();
        String ed25519Engine;
        String secrets;
        String basePath = VerifierSettings.BASE_PATH.defaultValue();
        boolean sessions = VerifierSettings.SESSIONS.defaultValue();
        String cookiePrefix = VerifierSettings.COOKIE_PREFIX.defaultValue();
        List<String> trustedOrigins = List.of();
        boolean acceptBareSessionTokens = VerifierSettings.ACCEPT_BARE_SESSION_TOKENS.defaultValue();
        Duration sessionCacheTtl = VerifierSettings.SESSION_CACHE_TTL.defaultValue();
        Duration sessionNegativeCacheTtl = VerifierSettings.SESSION_NEGATIVE_CACHE_TTL.defaultValue();
        int sessionCacheSize = VerifierSettings.SESSION_CACHE_SIZE.defaultValue();
        int sessionMaxConcurrentCalls = VerifierSettings.SESSION_MAX_CONCURRENT_CALLS.defaultValue();
        String resource;
        String accessTokenIssuer;
        boolean pluginTokens = VerifierSettings.PLUGIN_TOKENS.defaultValue();
        String introspectionClientId;
        String introspectionClientSecret;
        String introspectionAuthMethod = VerifierSettings.INTROSPECTION_AUTH_METHOD.defaultValue();
        URI introspectionUrl;
        boolean acceptMissingAudience = VerifierSettings.ACCEPT_MISSING_AUDIENCE.defaultValue();
        Duration introspectionCacheTtl = VerifierSettings.INTROSPECTION_CACHE_TTL.defaultValue();
        Duration introspectionNegativeCacheTtl = VerifierSettings.INTROSPECTION_NEGATIVE_CACHE_TTL.defaultValue();
        int introspectionCacheSize = VerifierSettings.INTROSPECTION_CACHE_SIZE.defaultValue();
        int introspectionMaxConcurrentCalls = VerifierSettings.INTROSPECTION_MAX_CONCURRENT_CALLS.defaultValue();
        int dpopReplayCacheSize = VerifierSettings.DPOP_REPLAY_CACHE_SIZE.defaultValue();
        DpopReplayStore dpopReplayStore;
        boolean cookieCache = VerifierSettings.COOKIE_CACHE.defaultValue();
        String cookieCacheVersion;
        VerifierObserver observer = VerifierObserver.NONE;

        private Builder() {
        }

        /**
         * Better Auth's base URL ({@code BETTER_AUTH_URL}), e.g. {@code https://app.example.com}: derives the key set
         * URL {@code {baseUrl}/api/auth/jwks} and the expected {@code iss} and {@code aud} (its origin).
         *
         * @param baseUrl an absolute http(s) URL without path, query or fragment
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The key set URL ({@code BETTER_AUTH_JWKS_URL}), for a custom {@code jwksPath}, base path or
         * {@code jwks.remoteUrl}; overrides the one derived from {@link #baseUrl(URI)}.
         *
         * @param jwksUrl an absolute https URL (http only on loopback, or with {@link #allowInsecureHttp(boolean)})
         * @return this builder
         */
        public Builder jwksUrl(URI jwksUrl) {
            this.jwksUrl = Objects.requireNonNull(jwksUrl, "jwksUrl");
            return this;
        }

        /**
         * A fixed key set instead of a fetched one. Keys with private members are used by their public part.
         *
         * @param jwks the public keys
         * @return this builder
         */
        public Builder jwks(JWKSet jwks) {
            this.jwks = Objects.requireNonNull(jwks, "jwks");
            return this;
        }

        /**
         * The shared secret ({@code BETTER_AUTH_SECRET}) for HS256 tokens; its UTF-8 bytes are the HMAC key.
         *
         * @param sharedSecret at least 32 bytes (48 for HS384, 64 for HS512), not Better Auth's public default
         * @return this builder
         */
        public Builder sharedSecret(String sharedSecret) {
            this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret");
            return this;
        }

        /**
         * The expected {@code iss} ({@code BETTER_AUTH_ISSUER}), compared exactly. Default: the base URL's origin.
         *
         * @param issuer the issuer
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * The accepted audiences ({@code BETTER_AUTH_AUDIENCE}): one of a token's {@code aud} values must be one of
         * these. Default: the base URL's origin.
         *
         * @param audiences one or more audiences
         * @return this builder
         */
        public Builder audiences(String... audiences) {
            return audiences(Arrays.asList(audiences));
        }

        /**
         * The accepted audiences, see {@link #audiences(String...)}.
         *
         * @param audiences one or more audiences
         * @return this builder
         */
        public Builder audiences(Collection<String> audiences) {
            this.audiences = new ArrayList<>(Objects.requireNonNull(audiences, "audiences"));
            return this;
        }

        /**
         * The algorithm allow-list ({@code BETTER_AUTH_ALGORITHMS}). Default: EdDSA, ES256, ES512, RS256, PS256
         * with a key set, HS256 with a shared secret.
         *
         * @param algorithms JOSE algorithm names
         * @return this builder
         */
        public Builder algorithms(String... algorithms) {
            return algorithms(Arrays.asList(algorithms));
        }

        /**
         * The algorithm allow-list, see {@link #algorithms(String...)}.
         *
         * @param algorithms JOSE algorithm names
         * @return this builder
         */
        public Builder algorithms(Collection<String> algorithms) {
            this.algorithms = new ArrayList<>(Objects.requireNonNull(algorithms, "algorithms"));
            return this;
        }

        /**
         * How far {@code exp}, {@code nbf} and {@code iat} may be off ({@code BETTER_AUTH_CLOCK_SKEW}).
         *
         * @param clockSkew the tolerance, at most 5 minutes
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
            return this;
        }

        /**
         * The longest token accepted, checked before any decoding ({@code BETTER_AUTH_MAX_TOKEN_LENGTH}).
         *
         * @param maxTokenLength characters, 512 to 65536
         * @return this builder
         */
        public Builder maxTokenLength(int maxTokenLength) {
            this.maxTokenLength = maxTokenLength;
            return this;
        }

        /**
         * The clock for {@code exp}, {@code nbf} and {@code iat}; for tests. Default: the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The clock of the caches (key set, sessions), the fetch budget and the outage tolerance; for tests, which
         * need it apart from {@link #clock(Clock)} (their tokens are valid at one fixed instant).
         */
        Builder cacheClock(Clock clock) {
            this.cacheClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long a fetched key set is used before it is fetched again ({@code BETTER_AUTH_JWKS_CACHE_TTL}).
         *
         * @param ttl the time to live, 1 s to 24 h
         * @return this builder
         */
        public Builder jwksCacheTtl(Duration ttl) {
            this.jwksCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How long before the cache expires a request starts a background refresh
         * ({@code BETTER_AUTH_JWKS_REFRESH_AHEAD}); zero turns it off.
         *
         * @param refreshAhead the lead time
         * @return this builder
         */
        public Builder jwksRefreshAhead(Duration refreshAhead) {
            this.jwksRefreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
            return this;
        }

        /**
         * The key set fetch budget ({@code BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT}): two fetches at once, then one per
         * interval, one at a time, whatever triggers them. In any period T at most 2 + T / interval fetches; a
         * rotated key is picked up within one interval plus one fetch, even during a flood of unknown {@code kid}s.
         *
         * @param interval the interval, at least 100 ms and less than the cache TTL
         * @return this builder
         */
        public Builder jwksRefreshRateLimit(Duration interval) {
            this.jwksRefreshRateLimit = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * How long after the last successful fetch its keys stay usable while the endpoint fails, for cached tokens
         * too ({@code BETTER_AUTH_JWKS_OUTAGE_TOLERANCE}).
         *
         * @param tolerance the time since the last successful fetch, at most 7 days
         * @return this builder
         */
        public Builder jwksOutageTolerance(Duration tolerance) {
            this.jwksOutageTolerance = Objects.requireNonNull(tolerance, "tolerance");
            return this;
        }

        /**
         * The TCP connect timeout of calls to Better Auth ({@code BETTER_AUTH_HTTP_CONNECT_TIMEOUT}).
         *
         * @param timeout the timeout, 100 ms to 60 s
         * @return this builder
         */
        public Builder httpConnectTimeout(Duration timeout) {
            this.httpConnectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The deadline for a whole response from Better Auth ({@code BETTER_AUTH_HTTP_READ_TIMEOUT}).
         *
         * @param timeout the timeout, 100 ms to 120 s
         * @return this builder
         */
        public Builder httpReadTimeout(Duration timeout) {
            this.httpReadTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The largest key set document accepted ({@code BETTER_AUTH_JWKS_SIZE_LIMIT}).
         *
         * @param bytes the limit, 1 KiB to 16 MiB
         * @return this builder
         */
        public Builder jwksSizeLimit(int bytes) {
            this.jwksSizeLimit = bytes;
            return this;
        }

        /**
         * Allows plain {@code http://} to Better Auth on a host other than loopback
         * ({@code BETTER_AUTH_ALLOW_INSECURE_HTTP}); loopback is always allowed.
         *
         * @param allow whether to allow it; off by default, as anyone on the path could swap the keys
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Turns on the verified-token cache ({@code BETTER_AUTH_TOKEN_CACHE_SIZE}): a token seen before returns its
         * user without another signature check, until its {@code exp} or until its key leaves the key set.
         * 10,000 is a reasonable size.
         *
         * @param maxEntries 0 for no cache, else 16 to 10,000,000
         * @return this builder
         */
        public Builder tokenCacheSize(int maxEntries) {
            this.tokenCacheSize = maxEntries;
            return this;
        }

        /**
         * Which implementation verifies Ed25519 ({@code BETTER_AUTH_ED25519_ENGINE}, or the system property
         * {@code betterauth4j.ed25519}): {@code auto} (the fastest on the classpath: Bouncy Castle, then Tink, then the
         * JDK), {@code jdk}, {@code tink} or {@code bouncycastle}.
         *
         * @param engine the engine's name
         * @return this builder
         */
        public Builder ed25519Engine(String engine) {
            this.ed25519Engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Better Auth's versioned secrets ({@code BETTER_AUTH_SECRETS}), {@code "2:new,1:old"}: the first is the
         * current secret, which then takes the place of {@link #sharedSecret(String)} in every check.
         *
         * @param versioned {@code version:secret} entries, comma-separated
         * @return this builder
         */
        public Builder secrets(String versioned) {
            this.secrets = Objects.requireNonNull(versioned, "versioned");
            return this;
        }

        /**
         * Better Auth's {@code basePath} ({@code BETTER_AUTH_BASE_PATH}), where its endpoints are. Default
         * {@code /api/auth}.
         *
         * @param basePath a path starting with {@code /}
         * @return this builder
         */
        public Builder basePath(String basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        /**
         * Accepts Better Auth session tokens ({@code BETTER_AUTH_SESSIONS}): the {@code session_token} cookie and the
         * {@code bearer} plugin's token, resolved by Better Auth's {@code get-session}. Needs {@link #baseUrl(URI)};
         * with a secret, signatures are checked here first.
         *
         * @param sessions whether to accept them; off by default
         * @return this builder
         */
        public Builder sessions(boolean sessions) {
            this.sessions = sessions;
            return this;
        }

        /**
         * Better Auth's {@code advanced.cookiePrefix} ({@code BETTER_AUTH_COOKIE_PREFIX}). Default
         * {@code better-auth}.
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder cookiePrefix(String prefix) {
            this.cookiePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Origins besides the base URL's from which a request authenticated by a cookie may change something
         * ({@code BETTER_AUTH_TRUSTED_ORIGINS}).
         *
         * @param origins origins such as {@code https://app.example.com}, or {@code https://*.example.com}
         * @return this builder
         */
        public Builder trustedOrigins(Collection<String> origins) {
            this.trustedOrigins = List.copyOf(Objects.requireNonNull(origins, "origins"));
            return this;
        }

        /**
         * Accepts a bearer session token without its signature ({@code BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS}), as
         * Better Auth's {@code bearer()} does unless {@code requireSignature} is set. Off by default.
         *
         * @param accept whether to accept them
         * @return this builder
         */
        public Builder acceptBareSessionTokens(boolean accept) {
            this.acceptBareSessionTokens = accept;
            return this;
        }

        /**
         * How long Better Auth's answer for a session is used ({@code BETTER_AUTH_SESSION_CACHE_TTL}): a signed-out
         * session can pass for up to this long.
         *
         * @param ttl 0 (ask every time) to 1 h
         * @return this builder
         */
        public Builder sessionCacheTtl(Duration ttl) {
            this.sessionCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How long "no such session" is remembered ({@code BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL}).
         *
         * @param ttl 0 to 5 min
         * @return this builder
         */
        public Builder sessionNegativeCacheTtl(Duration ttl) {
            this.sessionNegativeCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How many session answers are remembered at most ({@code BETTER_AUTH_SESSION_CACHE_SIZE}).
         *
         * @param entries 1 to 10,000,000
         * @return this builder
         */
        public Builder sessionCacheSize(int entries) {
            this.sessionCacheSize = entries;
            return this;
        }

        /**
         * How many calls to {@code get-session} may run at once ({@code BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS}).
         *
         * @param calls 1 to 256
         * @return this builder
         */
        public Builder sessionMaxConcurrentCalls(int calls) {
            this.sessionMaxConcurrentCalls = calls;
            return this;
        }

        /**
         * Accepts a session by its cookie cache ({@code BETTER_AUTH_COOKIE_CACHE}): Better Auth's
         * {@code session_data} cookie in any strategy, next to its {@code session_token} cookie, with no call to
         * Better Auth. Needs the secret; when the cache is absent, expired or not valid, {@link #sessions(boolean)}
         * decides whether Better Auth is asked.
         *
         * @param cookieCache whether to read it; off by default
         * @return this builder
         */
        public Builder cookieCache(boolean cookieCache) {
            this.cookieCache = cookieCache;
            return this;
        }

        /**
         * The {@code version} a cookie cache must have ({@code BETTER_AUTH_COOKIE_CACHE_VERSION}), Better Auth's
         * {@code session.cookieCache.version}. Default: any.
         *
         * @param version the version
         * @return this builder
         */
        public Builder cookieCacheVersion(String version) {
            this.cookieCacheVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Hears every verification and key set fetch, for metrics and traces (the Spring Boot starter's Micrometer
         * observations). Has no setting: it is code. Default: {@link VerifierObserver#NONE}.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(VerifierObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * This API's resource identifier ({@code BETTER_AUTH_RESOURCE}): accepts OAuth access tokens of Better Auth's
         * OAuth provider whose {@code aud} names it, see docs/oauth.md.
         *
         * @param resource an absolute URI without fragment, as registered with the provider
         * @return this builder
         */
        public Builder resource(String resource) {
            this.resource = Objects.requireNonNull(resource, "resource");
            return this;
        }

        /**
         * The expected {@code iss} of access tokens ({@code BETTER_AUTH_ACCESS_TOKEN_ISSUER}). Default
         * {@code {baseUrl}{basePath}}.
         *
         * @param issuer the issuer
         * @return this builder
         */
        public Builder accessTokenIssuer(String issuer) {
            this.accessTokenIssuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * Whether tokens of the {@code jwt} plugin are accepted ({@code BETTER_AUTH_PLUGIN_TOKENS}). Default true.
         *
         * @param accept false to accept only OAuth access tokens (needs {@link #resource(String)})
         * @return this builder
         */
        public Builder pluginTokens(boolean accept) {
            this.pluginTokens = accept;
            return this;
        }

        /**
         * The client this API introspects opaque access tokens as ({@code BETTER_AUTH_INTROSPECTION_CLIENT_ID}).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder introspectionClientId(String clientId) {
            this.introspectionClientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /**
         * That client's secret ({@code BETTER_AUTH_INTROSPECTION_CLIENT_SECRET}).
         *
         * @param secret the client secret
         * @return this builder
         */
        public Builder introspectionClientSecret(String secret) {
            this.introspectionClientSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * How that client authenticates ({@code BETTER_AUTH_INTROSPECTION_AUTH_METHOD}).
         *
         * @param method {@code client_secret_basic} (default) or {@code client_secret_post}
         * @return this builder
         */
        public Builder introspectionAuthMethod(String method) {
            this.introspectionAuthMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * The introspection endpoint ({@code BETTER_AUTH_INTROSPECTION_URL}). Default: discovered from the
         * authorization server's metadata.
         *
         * @param url an absolute https URL (http on loopback, or with {@link #allowInsecureHttp(boolean)})
         * @return this builder
         */
        public Builder introspectionUrl(URI url) {
            this.introspectionUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Accepts an introspection answer without {@code aud} ({@code BETTER_AUTH_ACCEPT_MISSING_AUDIENCE}). Off by
         * default.
         *
         * @param accept whether to accept it
         * @return this builder
         */
        public Builder acceptMissingAudience(boolean accept) {
            this.acceptMissingAudience = accept;
            return this;
        }

        /**
         * How long an active introspection answer is used ({@code BETTER_AUTH_INTROSPECTION_CACHE_TTL}).
         *
         * @param ttl 0 to 1 h, never past the token's {@code exp}
         * @return this builder
         */
        public Builder introspectionCacheTtl(Duration ttl) {
            this.introspectionCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How long {@code active: false} is remembered ({@code BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL}).
         *
         * @param ttl 0 to 5 min
         * @return this builder
         */
        public Builder introspectionNegativeCacheTtl(Duration ttl) {
            this.introspectionNegativeCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How many introspection answers are remembered ({@code BETTER_AUTH_INTROSPECTION_CACHE_SIZE}).
         *
         * @param entries 1 to 10,000,000
         * @return this builder
         */
        public Builder introspectionCacheSize(int entries) {
            this.introspectionCacheSize = entries;
            return this;
        }

        /**
         * How many introspection calls may run at once ({@code BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS}).
         *
         * @param calls 1 to 256
         * @return this builder
         */
        public Builder introspectionMaxConcurrentCalls(int calls) {
            this.introspectionMaxConcurrentCalls = calls;
            return this;
        }

        /**
         * How many DPoP proofs the in-memory replay cache remembers ({@code BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE}).
         *
         * @param entries 1,000 to 10,000,000
         * @return this builder
         */
        public Builder dpopReplayCacheSize(int entries) {
            this.dpopReplayCacheSize = entries;
            return this;
        }

        /**
         * Where used DPoP proofs are remembered, instead of this instance's memory: a store all instances of the API
         * share (see {@link DpopReplayStore}).
         *
         * @param store the store
         * @return this builder
         */
        public Builder dpopReplayStore(DpopReplayStore store) {
            this.dpopReplayStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Checks every option and builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException if an option is missing, invalid or contradicts another; the message
         *                                  names the option and never contains the secret
         */
        public BetterAuthVerifier build() {
            return VerifierAssembly.assemble(this);
        }
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.jwk.JWKSet;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link BetterAuthVerifier}: the options every credential shares on the builder itself, those of each
 * further kind of credential in its group ({@link #sessions(Consumer)}, {@link #cookieCache(Consumer)},
 * {@link #accessTokens}), how the key set is fetched in {@link #keySet} and how Better Auth is called in
 * {@link #http}; see {@link BetterAuthVerifier} for an example. {@link #build()} checks every option that takes effect
 * and names it, with its {@code BETTER_AUTH_*} setting, in its message; docs/auth-core.md gives each one's default and
 * bounds. Builders are not thread-safe; the verifiers they build are.
 */
public final class BetterAuthVerifierBuilder {

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
    int tokenCacheSize = VerifierSettings.TOKEN_CACHE_SIZE.defaultValue();
    String ed25519Engine;
    String secrets;
    String basePath = VerifierSettings.BASE_PATH.defaultValue();
    boolean sessions = VerifierSettings.SESSIONS.defaultValue();
    String cookiePrefix = VerifierSettings.COOKIE_PREFIX.defaultValue();
    List<String> trustedOrigins = List.of();
    boolean pluginTokens = VerifierSettings.PLUGIN_TOKENS.defaultValue();
    boolean cookieCache = VerifierSettings.COOKIE_CACHE.defaultValue();
    VerifierObserver observer = VerifierObserver.NONE;

    final HttpOptions httpOptions = new HttpOptions();
    final KeySetOptions keySetOptions = new KeySetOptions();
    final SessionOptions sessionOptions = new SessionOptions();
    final CookieCacheOptions cookieCacheOptions = new CookieCacheOptions();
    final AccessTokenOptions accessTokenOptions = new AccessTokenOptions();
    /** Whether {@link #accessTokens} was called: its options then need a resource rather than go unused. */
    boolean accessTokensGiven;

    BetterAuthVerifierBuilder() {
    }

    /**
     * Better Auth's base URL ({@code BETTER_AUTH_URL}), e.g. {@code https://app.example.com}: derives the key set
     * URL {@code {baseUrl}/api/auth/jwks} and the expected {@code iss} and {@code aud} (its origin).
     *
     * @param baseUrl an absolute http(s) URL without path, query or fragment
     * @return this builder
     */
    public BetterAuthVerifierBuilder baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return this;
    }

    /**
     * The key set URL ({@code BETTER_AUTH_JWKS_URL}), for a custom {@code jwksPath}, base path or
     * {@code jwks.remoteUrl}; overrides the one derived from {@link #baseUrl(URI)}.
     *
     * @param jwksUrl an absolute https URL (http only on loopback, or with {@link HttpOptions#allowInsecure(boolean)})
     * @return this builder
     */
    public BetterAuthVerifierBuilder jwksUrl(URI jwksUrl) {
        this.jwksUrl = Objects.requireNonNull(jwksUrl, "jwksUrl");
        return this;
    }

    /**
     * A fixed key set instead of a fetched one. Keys with private members are used by their public part.
     *
     * @param jwks the public keys
     * @return this builder
     */
    public BetterAuthVerifierBuilder jwks(JWKSet jwks) {
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        return this;
    }

    /**
     * Tunes how the remote key set is fetched and cached; see {@link KeySetOptions}. Calls add up: each sees the
     * options the previous ones set.
     *
     * @param options sets what differs from the defaults, e.g. {@code keys -> keys.cacheTtl(Duration.ofMinutes(10))}
     * @return this builder
     */
    public BetterAuthVerifierBuilder keySet(Consumer<KeySetOptions> options) {
        Objects.requireNonNull(options, "options").accept(keySetOptions);
        return this;
    }

    /**
     * The shared secret ({@code BETTER_AUTH_SECRET}) for HS256 tokens; its UTF-8 bytes are the HMAC key.
     *
     * @param sharedSecret at least 32 bytes (48 for HS384, 64 for HS512), not Better Auth's public default
     * @return this builder
     */
    public BetterAuthVerifierBuilder sharedSecret(String sharedSecret) {
        this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret");
        return this;
    }

    /**
     * The expected {@code iss} ({@code BETTER_AUTH_ISSUER}), compared exactly. Default: the base URL's origin.
     *
     * @param issuer the issuer
     * @return this builder
     */
    public BetterAuthVerifierBuilder issuer(String issuer) {
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
    public BetterAuthVerifierBuilder audiences(String... audiences) {
        return audiences(Arrays.asList(audiences));
    }

    /**
     * The accepted audiences, see {@link #audiences(String...)}.
     *
     * @param audiences one or more audiences
     * @return this builder
     */
    public BetterAuthVerifierBuilder audiences(Collection<String> audiences) {
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
    public BetterAuthVerifierBuilder algorithms(String... algorithms) {
        return algorithms(Arrays.asList(algorithms));
    }

    /**
     * The algorithm allow-list, see {@link #algorithms(String...)}.
     *
     * @param algorithms JOSE algorithm names
     * @return this builder
     */
    public BetterAuthVerifierBuilder algorithms(Collection<String> algorithms) {
        this.algorithms = new ArrayList<>(Objects.requireNonNull(algorithms, "algorithms"));
        return this;
    }

    /**
     * How far {@code exp}, {@code nbf} and {@code iat} may be off ({@code BETTER_AUTH_CLOCK_SKEW}).
     *
     * @param clockSkew the tolerance, at most 5 minutes
     * @return this builder
     */
    public BetterAuthVerifierBuilder clockSkew(Duration clockSkew) {
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        return this;
    }

    /**
     * The longest token accepted, checked before any decoding ({@code BETTER_AUTH_MAX_TOKEN_LENGTH}).
     *
     * @param maxTokenLength characters, 512 to 65536
     * @return this builder
     */
    public BetterAuthVerifierBuilder maxTokenLength(int maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
        return this;
    }

    /**
     * The clock for {@code exp}, {@code nbf} and {@code iat}; for tests. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public BetterAuthVerifierBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The clock of the caches (key set, sessions), the fetch budget and the outage tolerance; for tests, which
     * need it apart from {@link #clock(Clock)} (their tokens are valid at one fixed instant).
     */
    BetterAuthVerifierBuilder cacheClock(Clock clock) {
        this.cacheClock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Tunes how the verifier calls Better Auth (timeouts, plain http to a host other than loopback); see
     * {@link HttpOptions}. Calls add up.
     *
     * @param options sets what differs from the defaults, e.g. {@code http -> http.readTimeout(Duration.ofSeconds(3))}
     * @return this builder
     */
    public BetterAuthVerifierBuilder http(Consumer<HttpOptions> options) {
        Objects.requireNonNull(options, "options").accept(httpOptions);
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
    public BetterAuthVerifierBuilder tokenCacheSize(int maxEntries) {
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
    public BetterAuthVerifierBuilder ed25519Engine(String engine) {
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
    public BetterAuthVerifierBuilder secrets(String versioned) {
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
    public BetterAuthVerifierBuilder basePath(String basePath) {
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
    public BetterAuthVerifierBuilder sessions(boolean sessions) {
        this.sessions = sessions;
        return this;
    }

    /**
     * Accepts Better Auth session tokens, as {@link #sessions(boolean) sessions(true)}, and tunes how they are
     * resolved; see {@link SessionOptions}. Calls add up.
     *
     * @param options sets what differs from the defaults, e.g. {@code s -> s.cacheTtl(Duration.ofSeconds(10))}
     * @return this builder
     */
    public BetterAuthVerifierBuilder sessions(Consumer<SessionOptions> options) {
        Objects.requireNonNull(options, "options").accept(sessionOptions);
        this.sessions = true;
        return this;
    }

    /**
     * Better Auth's {@code advanced.cookiePrefix} ({@code BETTER_AUTH_COOKIE_PREFIX}). Default
     * {@code better-auth}.
     *
     * @param prefix the prefix
     * @return this builder
     */
    public BetterAuthVerifierBuilder cookiePrefix(String prefix) {
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
    public BetterAuthVerifierBuilder trustedOrigins(Collection<String> origins) {
        this.trustedOrigins = List.copyOf(Objects.requireNonNull(origins, "origins"));
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
    public BetterAuthVerifierBuilder cookieCache(boolean cookieCache) {
        this.cookieCache = cookieCache;
        return this;
    }

    /**
     * Accepts sessions by their cookie cache, as {@link #cookieCache(boolean) cookieCache(true)}, and tunes how it is
     * read; see {@link CookieCacheOptions}. Calls add up.
     *
     * @param options sets what differs from the defaults, e.g. {@code cache -> cache.version("2")}
     * @return this builder
     */
    public BetterAuthVerifierBuilder cookieCache(Consumer<CookieCacheOptions> options) {
        Objects.requireNonNull(options, "options").accept(cookieCacheOptions);
        this.cookieCache = true;
        return this;
    }

    /**
     * Hears every verification and key set fetch, for metrics and traces (the Spring Boot starter's Micrometer
     * observations). Has no setting: it is code. Default: {@link VerifierObserver#NONE}.
     *
     * @param observer the observer
     * @return this builder
     */
    public BetterAuthVerifierBuilder observer(VerifierObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * Whether tokens of the {@code jwt} plugin are accepted ({@code BETTER_AUTH_PLUGIN_TOKENS}). Default true.
     *
     * @param accept false to accept only OAuth access tokens (needs {@link AccessTokenOptions#resource(String)})
     * @return this builder
     */
    public BetterAuthVerifierBuilder pluginTokens(boolean accept) {
        this.pluginTokens = accept;
        return this;
    }

    /**
     * Accepts OAuth access tokens of Better Auth's OAuth provider for the resource the options name; see
     * {@link AccessTokenOptions}. Calls add up; {@link #build()} fails if none of them set the resource.
     *
     * @param options at least the resource, e.g. {@code tokens -> tokens.resource("https://api.example.com")}
     * @return this builder
     */
    public BetterAuthVerifierBuilder accessTokens(Consumer<AccessTokenOptions> options) {
        Objects.requireNonNull(options, "options").accept(accessTokenOptions);
        this.accessTokensGiven = true;
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

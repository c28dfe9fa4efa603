package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWKSet;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MISSING;
import static dev.betterauth4j.core.TokenVerificationException.Reason.TOO_LARGE;

/**
 * Verifies Better Auth tokens and returns the {@link AuthenticatedUser} they speak for.
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
 * {@code crit}; an access-token {@code typ}), key selection by {@code kid} (refreshing the key set once for an
 * unknown {@code kid}), signature, then claims ({@code sub}, {@code exp}, {@code nbf}, {@code iat},
 * {@code iss}, {@code aud}). Each failure is a {@link TokenVerificationException} with its
 * {@link TokenVerificationException.Reason}.
 *
 * <p>Close the verifier when the application stops, to end its background key refresh.
 */
public final class BetterAuthVerifier implements AutoCloseable {

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private final int maxTokenLength;
    private final CompactJwsParser parser;
    private final KeySource asymmetricKeys;
    private final KeySource secretKeys;
    private final ClaimsValidator claims;
    private final VerifiedTokenCache cache;
    private final Clock clock;
    private final String description;

    private BetterAuthVerifier(int maxTokenLength, CompactJwsParser parser, KeySource asymmetricKeys,
                               KeySource secretKeys, ClaimsValidator claims, VerifiedTokenCache cache, Clock clock,
                               String description) {
        this.maxTokenLength = maxTokenLength;
        this.parser = parser;
        this.asymmetricKeys = asymmetricKeys;
        this.secretKeys = secretKeys;
        this.claims = claims;
        this.cache = cache;
        this.clock = clock;
        this.description = description;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with the defaults described on its methods
     */
    public static Builder builder() {
        return new Builder();
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
        return VerifierProperties.apply(environment, VerifierProperties.Source.ENVIRONMENT, builder()).build();
    }

    /**
     * Builds a verifier from settings named like Better Auth's environment variables, as the servlet filter's init
     * parameters give them.
     *
     * <table>
     *   <caption>Settings</caption>
     *   <tr><th>Name</th><th>Meaning</th></tr>
     *   <tr><td>{@code BETTER_AUTH_URL}</td><td>{@link Builder#baseUrl(URI)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_JWKS_URL}</td><td>{@link Builder#jwksUrl(URI)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_SECRET}</td><td>{@link Builder#sharedSecret(String)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_ISSUER}</td><td>{@link Builder#issuer(String)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_AUDIENCE}</td><td>{@link Builder#audiences(String...)}, comma-separated</td></tr>
     *   <tr><td>{@code BETTER_AUTH_ALGORITHMS}</td><td>{@link Builder#algorithms(String...)}, comma-separated</td></tr>
     *   <tr><td>{@code BETTER_AUTH_CLOCK_SKEW}</td><td>{@link Builder#clockSkew(Duration)}: seconds, or ISO-8601
     *       such as {@code PT30S}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_MAX_TOKEN_LENGTH}</td><td>{@link Builder#maxTokenLength(int)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_JWKS_CACHE_TTL}</td><td>{@link Builder#jwksCacheTtl(Duration)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_ALLOW_INSECURE_HTTP}</td><td>{@link Builder#allowInsecureHttp(boolean)}</td></tr>
     *   <tr><td>{@code BETTER_AUTH_TOKEN_CACHE_SIZE}</td><td>{@link Builder#tokenCacheSize(int)}</td></tr>
     * </table>
     * Blank values count as unset. Any other key starting with {@code BETTER_AUTH_} fails, with the closest known
     * name in the message (a typo in a security setting must not pass silently), except the variables Better Auth
     * itself reads ({@code BETTER_AUTH_SECRETS}, {@code BETTER_AUTH_TRUSTED_ORIGINS}, {@code BETTER_AUTH_TELEMETRY*});
     * keys without that prefix are ignored.
     *
     * @param properties the settings
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing, unknown or invalid; the message names it and never
     *                                  contains the secret
     */
    public static BetterAuthVerifier fromProperties(Map<String, String> properties) {
        return VerifierProperties.apply(properties, VerifierProperties.Source.PROPERTIES, builder()).build();
    }

    /**
     * Verifies a token and returns the user it speaks for.
     *
     * @param token the compact JWS, as sent after {@code Bearer }
     * @return the verified user
     * @throws TokenVerificationException if the token is not accepted; {@link TokenVerificationException#reason()}
     *                                    says why. {@code KEY_SOURCE_UNAVAILABLE} is an outage (answer 503), every
     *                                    other reason is the token's fault (answer 401)
     */
    public AuthenticatedUser verify(String token) throws TokenVerificationException {
        if (token == null || token.isEmpty()) {
            throw new TokenVerificationException(MISSING, "No token was presented");
        }
        if (token.length() > maxTokenLength) {
            throw new TokenVerificationException(TOO_LARGE, "The token is longer than " + maxTokenLength
                    + " characters");
        }
        if (cache != null) {
            AuthenticatedUser cached = cache.get(token, clock.millis(), this::stillTrusted);
            if (cached != null) {
                return cached;
            }
        }
        if (token.isBlank()) {
            throw new TokenVerificationException(MISSING, "No token was presented");
        }
        CompactJwsParser.ParsedJws jws = parser.parse(token);
        JWSAlgorithm algorithm = jws.header().getAlgorithm();
        KeySource keys = JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) ? secretKeys : asymmetricKeys;
        if (keys == null) {
            throw new TokenVerificationException(TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED,
                    "The token's algorithm is not allowed");
        }
        TrustedKey key = verifySignature(jws, keys.candidates(jws.header()));
        AuthenticatedUser user = claims.validate(jws.payload());
        if (cache != null) {
            cache.put(token, user, key);
        }
        return user;
    }

    private boolean stillTrusted(TrustedKey key) {
        return (asymmetricKeys != null && asymmetricKeys.stillTrusted(key))
                || (secretKeys != null && secretKeys.stillTrusted(key));
    }

    /** For tests: the number of cached tokens, or -1 without a cache. */
    int cachedTokens() {
        return cache == null ? -1 : cache.size();
    }

    private static TrustedKey verifySignature(CompactJwsParser.ParsedJws jws, List<TrustedKey> candidates)
            throws TokenVerificationException {
        for (TrustedKey key : candidates) {
            JWSVerifier verifier = key.verifier();
            try {
                if (verifier.verify(jws.header(), jws.signingInput(), jws.signature())) {
                    return key;
                }
            } catch (JOSEException | RuntimeException e) {
                // A signature the provider cannot even decode is a bad signature, not an error.
                LOGGER.log(Level.DEBUG, () -> "Signature check failed with " + e.getClass().getSimpleName());
            }
        }
        throw new TokenVerificationException(BAD_SIGNATURE, "The token's signature is not valid");
    }

    /**
     * Stops the background refresh of the key set. Verification still works with what is cached.
     */
    @Override
    public void close() {
        if (asymmetricKeys != null) {
            asymmetricKeys.close();
        }
        if (secretKeys != null) {
            secretKeys.close();
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
     * Configures a {@link BetterAuthVerifier}. Every option is checked by {@link #build()}, which names the
     * option (and its {@code BETTER_AUTH_*} setting) in its message. Builders are not thread-safe; the
     * verifiers they build are.
     */
    public static final class Builder {

        static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
        static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
        static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;
        static final int MIN_SECRET_BYTES = 32;
        /** Better Auth's built-in development secret, used when none is configured: public knowledge. */
        static final String BETTER_AUTH_DEFAULT_SECRET = "better-auth-secret-12345678901234567890";
        static final String JWKS_PATH = "/api/auth/jwks";

        private static final List<JWSAlgorithm> DEFAULT_JWKS_ALGORITHMS = List.of(JWSAlgorithm.EdDSA,
                JWSAlgorithm.ES256, JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.PS256);
        private static final Set<JWSAlgorithm> HMAC_ALGORITHMS = Set.of(JWSAlgorithm.HS256,
                JWSAlgorithm.HS384, JWSAlgorithm.HS512);

        private URI baseUrl;
        private URI jwksUrl;
        private JWKSet jwks;
        private String sharedSecret;
        private String issuer;
        private List<String> audiences;
        private List<String> algorithms;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private Clock clock = Clock.systemUTC();
        private Clock jwksClock = Clock.systemUTC();
        private Duration jwksCacheTtl = Duration.ofMinutes(5);
        private Duration jwksRefreshAhead = Duration.ofSeconds(30);
        private Duration jwksRefreshRateLimit = Duration.ofMillis(500);
        private Duration jwksOutageTolerance = Duration.ofHours(1);
        private Duration httpConnectTimeout = Duration.ofSeconds(2);
        private Duration httpReadTimeout = Duration.ofSeconds(5);
        private int jwksSizeLimit = 256 * 1024;
        private boolean allowInsecureHttp;
        private int tokenCacheSize;

        private Builder() {
        }

        /**
         * Better Auth's base URL, e.g. {@code https://app.example.com} ({@code BETTER_AUTH_URL}). Derives the key
         * set URL {@code {baseUrl}/api/auth/jwks} and the expected {@code iss} and {@code aud}, which Better Auth
         * sets to the base URL's origin. Each can be overridden.
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
         * {@code jwks.remoteUrl}. Overrides the one derived from {@link #baseUrl(URI)}.
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
         * The shared secret ({@code BETTER_AUTH_SECRET}) for HS256 tokens (HS384/HS512 with
         * {@link #algorithms(String...)}). Its UTF-8 bytes are the HMAC key, as in Better Auth. At least 32
         * bytes (48 for HS384, 64 for HS512), and not Better Auth's public default secret.
         *
         * @param sharedSecret the secret
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
         * The accepted audiences ({@code BETTER_AUTH_AUDIENCE}): a token is accepted if one of its {@code aud}
         * values is one of these. Default: the base URL's origin.
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
         * with a key set, HS256 with a shared secret. Supported: EdDSA, Ed25519, ES256, ES384, ES512, RS256,
         * RS384, RS512, PS256, PS384, PS512 (key set) and HS256, HS384, HS512 (shared secret).
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
         * Default 60 s, at most 5 minutes.
         *
         * @param clockSkew the tolerance
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
            return this;
        }

        /**
         * The longest token accepted, checked before any decoding ({@code BETTER_AUTH_MAX_TOKEN_LENGTH}).
         * Default 8192 characters; between 512 and 65536.
         *
         * @param maxTokenLength characters
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
         * The clock for the key set's cache, refresh budget and outage tolerance; for tests, which need it apart from
         * {@link #clock(Clock)} (their tokens are valid at one fixed instant). Default: the system clock.
         */
        Builder jwksClock(Clock clock) {
            this.jwksClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long a fetched key set is used before it is fetched again ({@code BETTER_AUTH_JWKS_CACHE_TTL}).
         * Default 5 minutes; between 1 second and 24 hours. An unknown {@code kid} refreshes it sooner.
         *
         * @param ttl the time to live
         * @return this builder
         */
        public Builder jwksCacheTtl(Duration ttl) {
            this.jwksCacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * How long before the cache expires a request starts a background refresh. Default 30 s; less than
         * the cache TTL.
         *
         * @param refreshAhead the lead time
         * @return this builder
         */
        public Builder jwksRefreshAhead(Duration refreshAhead) {
            this.jwksRefreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
            return this;
        }

        /**
         * The budget for key set fetches, whatever triggers them (first use, expiry, refresh-ahead, unknown
         * {@code kid}s, retries during an outage): two at once, then one per interval, and never two at the same time.
         * In any period T at most 2 + T / interval fetches, however many tokens with unknown {@code kid}s arrive; a
         * rotated key is picked up within one interval plus one fetch even during such a flood. Default 500 ms; at
         * least 100 ms and less than the cache TTL.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder jwksRefreshRateLimit(Duration interval) {
            this.jwksRefreshRateLimit = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * How long the last good key set stays usable while the endpoint fails. Default 1 hour; at most 7 days.
         *
         * @param tolerance the time since the last successful fetch
         * @return this builder
         */
        public Builder jwksOutageTolerance(Duration tolerance) {
            this.jwksOutageTolerance = Objects.requireNonNull(tolerance, "tolerance");
            return this;
        }

        /**
         * The TCP connect timeout for key set fetches. Default 2 s; between 100 ms and 60 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder httpConnectTimeout(Duration timeout) {
            this.httpConnectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The deadline for a whole key set response, headers and body. Default 5 s; between 100 ms and 120 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder httpReadTimeout(Duration timeout) {
            this.httpReadTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The largest key set document accepted. Default 256 KiB; between 1 KiB and 16 MiB.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder jwksSizeLimit(int bytes) {
            this.jwksSizeLimit = bytes;
            return this;
        }

        /**
         * Allows a plain {@code http://} key set URL on a host other than loopback
         * ({@code BETTER_AUTH_ALLOW_INSECURE_HTTP}). Off by default: over plain HTTP anyone on the path can
         * swap the keys. Loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) is always allowed.
         *
         * @param allow whether to allow it
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Turns on the verified-token cache ({@code BETTER_AUTH_TOKEN_CACHE_SIZE}): a token that already verified
         * returns its user without another signature check, until its {@code exp} or until its key leaves the key
         * set. Keyed by the whole token, bounded to {@code maxEntries} (least recently used out). Off by default;
         * 10,000 is a reasonable size (about 3 KB per entry for a Better Auth token).
         *
         * @param maxEntries 0 for no cache, else 16 to 10,000,000
         * @return this builder
         */
        public Builder tokenCacheSize(int maxEntries) {
            this.tokenCacheSize = maxEntries;
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
            URI origin = baseUrl == null ? null : origin(baseUrl);
            if (jwks != null && jwksUrl != null) {
                throw new IllegalArgumentException("jwks(...) and jwksUrl(...) are both set: choose one key set");
            }
            URI keySetUrl = jwks != null ? null
                    : jwksUrl != null ? checkedJwksUrl(jwksUrl, "jwksUrl (BETTER_AUTH_JWKS_URL)")
                    : origin != null ? checkedJwksUrl(URI.create(origin + JWKS_PATH), "baseUrl (BETTER_AUTH_URL)")
                    : null;
            boolean hasKeySet = jwks != null || keySetUrl != null;
            boolean hasSecret = sharedSecret != null;
            if (!hasKeySet && !hasSecret) {
                throw new IllegalArgumentException("No key source: set baseUrl(...) (BETTER_AUTH_URL), jwksUrl(...)"
                        + " (BETTER_AUTH_JWKS_URL), jwks(...) or sharedSecret(...) (BETTER_AUTH_SECRET)");
            }
            Set<JWSAlgorithm> allowed = checkedAlgorithms(hasKeySet, hasSecret);
            byte[] secret = hasSecret ? checkedSecret(allowed) : null;

            String expectedIssuer = issuer != null ? issuer : origin != null ? origin.toString() : null;
            if (expectedIssuer == null) {
                throw new IllegalArgumentException("issuer is required: set baseUrl(...) (BETTER_AUTH_URL) or"
                        + " issuer(...) (BETTER_AUTH_ISSUER)");
            }
            List<String> expectedAudiences = audiences != null ? List.copyOf(audiences)
                    : origin != null ? List.of(origin.toString()) : null;
            if (expectedAudiences == null || expectedAudiences.isEmpty()) {
                throw new IllegalArgumentException("audiences are required: set baseUrl(...) (BETTER_AUTH_URL) or"
                        + " audiences(...) (BETTER_AUTH_AUDIENCE)");
            }
            for (String audience : expectedAudiences) {
                if (audience == null || audience.isBlank()) {
                    throw new IllegalArgumentException("audiences (BETTER_AUTH_AUDIENCE) must not contain blank values");
                }
            }
            checkRange("clockSkew (BETTER_AUTH_CLOCK_SKEW)", clockSkew, Duration.ZERO, MAX_CLOCK_SKEW);
            if (maxTokenLength < 512 || maxTokenLength > 65_536) {
                throw new IllegalArgumentException("maxTokenLength (BETTER_AUTH_MAX_TOKEN_LENGTH) must be between 512"
                        + " and 65536, was " + maxTokenLength);
            }
            JwksSettings settings = keySetUrl == null ? null : checkedJwksSettings();
            if (tokenCacheSize != 0 && (tokenCacheSize < VerifiedTokenCache.STRIPES || tokenCacheSize > 10_000_000)) {
                throw new IllegalArgumentException("tokenCacheSize (BETTER_AUTH_TOKEN_CACHE_SIZE) must be 0 (off) or"
                        + " between " + VerifiedTokenCache.STRIPES + " and 10000000, was " + tokenCacheSize);
            }

            DistinctWarnings warnings = new DistinctWarnings(LOGGER);
            Set<JWSAlgorithm> asymmetric = new LinkedHashSet<>(allowed);
            asymmetric.removeAll(HMAC_ALGORITHMS);
            Ed25519Engine ed25519 = asymmetric.contains(JWSAlgorithm.EdDSA) || asymmetric.contains(Ed25519Engine.ED25519)
                    ? Ed25519Engine.select(System.getProperty(Ed25519Engine.PROPERTY)) : Ed25519Engine.JDK;
            TrustedKeyFactory factory = new TrustedKeyFactory(asymmetric, warnings, ed25519);
            KeySource keySet = null;
            String keySource;
            if (jwks != null) {
                keySet = JwksKeySource.fixed(jwks, factory);
                keySource = "static JWKS (" + jwks.getKeys().size() + " keys)";
            } else if (keySetUrl != null) {
                keySet = JwksKeySource.remote(toUrl(keySetUrl), settings, new JwksDocumentParser(warnings), factory,
                        LOGGER);
                keySource = "JWKS " + keySetUrl;
            } else {
                keySource = "";
            }
            Set<JWSAlgorithm> hmac = new LinkedHashSet<>(allowed);
            hmac.retainAll(HMAC_ALGORITHMS);
            KeySource secretSource = secret == null ? null : new SharedSecretKeySource(secret, hmac);
            if (secretSource != null) {
                keySource = keySource.isEmpty() ? "shared secret" : keySource + " and shared secret";
            }
            String description = "BetterAuthVerifier[keys=" + keySource + ", issuer=" + expectedIssuer
                    + ", audiences=" + expectedAudiences + ", algorithms=" + allowed
                    + (keySet != null && (allowed.contains(JWSAlgorithm.EdDSA) || allowed.contains(Ed25519Engine.ED25519))
                    ? ", ed25519=" + ed25519.name().toLowerCase(Locale.ROOT) : "") + ", clockSkew=" + clockSkew
                    + (tokenCacheSize > 0 ? ", tokenCache=" + tokenCacheSize : "") + "]";
            LOGGER.log(Level.DEBUG, description);
            return new BetterAuthVerifier(maxTokenLength, new CompactJwsParser(allowed), keySet, secretSource,
                    new ClaimsValidator(expectedIssuer, new LinkedHashSet<>(expectedAudiences), clockSkew, clock),
                    tokenCacheSize > 0 ? new VerifiedTokenCache(tokenCacheSize) : null, clock, description);
        }

        private Set<JWSAlgorithm> checkedAlgorithms(boolean hasKeySet, boolean hasSecret) {
            Set<JWSAlgorithm> supportedAsymmetric = TrustedKeyFactory.asymmetricAlgorithms();
            if (algorithms == null) {
                Set<JWSAlgorithm> defaults = new LinkedHashSet<>();
                if (hasKeySet) {
                    defaults.addAll(DEFAULT_JWKS_ALGORITHMS);
                }
                if (hasSecret) {
                    defaults.add(JWSAlgorithm.HS256);
                }
                return defaults;
            }
            if (algorithms.isEmpty()) {
                throw new IllegalArgumentException("algorithms (BETTER_AUTH_ALGORITHMS) must name at least one algorithm");
            }
            Set<JWSAlgorithm> chosen = new LinkedHashSet<>();
            for (String name : algorithms) {
                String trimmed = name == null ? "" : name.trim();
                JWSAlgorithm algorithm = JWSAlgorithm.parse(trimmed);
                if (HMAC_ALGORITHMS.contains(algorithm)) {
                    if (!hasSecret) {
                        throw new IllegalArgumentException("algorithms (BETTER_AUTH_ALGORITHMS): " + trimmed
                                + " needs sharedSecret(...) (BETTER_AUTH_SECRET); a key set never verifies HMAC");
                    }
                } else if (supportedAsymmetric.contains(algorithm)) {
                    if (!hasKeySet) {
                        throw new IllegalArgumentException("algorithms (BETTER_AUTH_ALGORITHMS): " + trimmed
                                + " needs a key set (BETTER_AUTH_URL or BETTER_AUTH_JWKS_URL); a shared secret only"
                                + " verifies HS256, HS384 and HS512");
                    }
                } else {
                    throw new IllegalArgumentException("algorithms (BETTER_AUTH_ALGORITHMS): '" + trimmed
                            + "' is not supported; supported: EdDSA, Ed25519, ES256, ES384, ES512, RS256, RS384,"
                            + " RS512, PS256, PS384, PS512, HS256, HS384, HS512");
                }
                chosen.add(algorithm);
            }
            return chosen;
        }

        private byte[] checkedSecret(Set<JWSAlgorithm> allowed) {
            byte[] bytes = sharedSecret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("sharedSecret (BETTER_AUTH_SECRET) must be at least "
                        + MIN_SECRET_BYTES + " bytes, it has " + bytes.length);
            }
            if (BETTER_AUTH_DEFAULT_SECRET.equals(sharedSecret)) {
                throw new IllegalArgumentException("sharedSecret (BETTER_AUTH_SECRET) is Better Auth's public"
                        + " default secret; anyone can sign tokens with it. Set a random secret.");
            }
            int needed = allowed.contains(JWSAlgorithm.HS512) ? 64 : allowed.contains(JWSAlgorithm.HS384) ? 48 : 32;
            if (bytes.length < needed) {
                throw new IllegalArgumentException("sharedSecret (BETTER_AUTH_SECRET) must be at least " + needed
                        + " bytes for the allowed HMAC algorithms, it has " + bytes.length);
            }
            return bytes;
        }

        private JwksSettings checkedJwksSettings() {
            checkRange("jwksCacheTtl (BETTER_AUTH_JWKS_CACHE_TTL)", jwksCacheTtl, Duration.ofSeconds(1),
                    Duration.ofHours(24));
            checkRange("jwksRefreshRateLimit", jwksRefreshRateLimit, Duration.ofMillis(100), Duration.ofHours(1));
            checkRange("jwksRefreshAhead", jwksRefreshAhead, Duration.ZERO, Duration.ofHours(24));
            checkRange("jwksOutageTolerance", jwksOutageTolerance, Duration.ZERO, Duration.ofDays(7));
            checkRange("httpConnectTimeout", httpConnectTimeout, Duration.ofMillis(100), Duration.ofSeconds(60));
            checkRange("httpReadTimeout", httpReadTimeout, Duration.ofMillis(100), Duration.ofSeconds(120));
            if (jwksSizeLimit < 1024 || jwksSizeLimit > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("jwksSizeLimit must be between 1 KiB and 16 MiB, was "
                        + jwksSizeLimit);
            }
            if (jwksRefreshRateLimit.compareTo(jwksCacheTtl) >= 0) {
                throw new IllegalArgumentException("jwksRefreshRateLimit (" + jwksRefreshRateLimit
                        + ") must be less than jwksCacheTtl (" + jwksCacheTtl + ")");
            }
            JwksSettings settings = new JwksSettings(jwksCacheTtl, jwksRefreshAhead, jwksRefreshRateLimit,
                    jwksOutageTolerance, httpConnectTimeout, httpReadTimeout, jwksSizeLimit, jwksClock);
            // A refresh ahead of expiry must be able to finish before the cache expires.
            Duration refreshTimeout = settings.cacheRefreshTimeout();
            if (!jwksRefreshAhead.isZero() && jwksRefreshAhead.plus(refreshTimeout).compareTo(jwksCacheTtl) > 0) {
                throw new IllegalArgumentException("jwksRefreshAhead (" + jwksRefreshAhead + ") plus the fetch"
                        + " deadline (httpConnectTimeout + httpReadTimeout + 1 s = " + refreshTimeout + ") must not"
                        + " exceed jwksCacheTtl (" + jwksCacheTtl + "); shorten them or set jwksRefreshAhead to zero");
            }
            return settings;
        }

        private static URI origin(URI url) {
            String what = "baseUrl (BETTER_AUTH_URL)";
            if (!url.isAbsolute() || url.getHost() == null || !isHttp(url.getScheme())) {
                throw new IllegalArgumentException(what + " must be an absolute http(s) URL such as"
                        + " https://app.example.com");
            }
            if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                    || !(url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))) {
                throw new IllegalArgumentException(what + " must be an origin such as https://app.example.com, without"
                        + " user info, path, query or fragment (Better Auth uses the origin as iss and aud); use"
                        + " jwksUrl(...) (BETTER_AUTH_JWKS_URL) for a custom base path");
            }
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            int port = url.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port));
        }

        private URI checkedJwksUrl(URI url, String what) {
            if (!url.isAbsolute() || url.getHost() == null || !isHttp(url.getScheme())) {
                throw new IllegalArgumentException(what + ": the key set URL must be an absolute http(s) URL");
            }
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException(what + ": the key set URL must not carry user info");
            }
            if (url.getScheme().equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
                throw new IllegalArgumentException(what + ": the key set URL " + url + " is plain http on a"
                        + " non-loopback host, where anyone on the path could swap the keys. Use https, or"
                        + " allowInsecureHttp(true) (BETTER_AUTH_ALLOW_INSECURE_HTTP=true) on a trusted network.");
            }
            return url;
        }

        private static boolean isHttp(String scheme) {
            return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
        }

        /** Loopback by name or literal address only: no DNS lookup decides what is trusted. */
        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals("localhost")) {
                return true;
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            boolean ipv4Literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6Literal = h.contains(":") && h.matches("[0-9a-f:.]+");
            if (!ipv4Literal && !ipv6Literal) {
                return false;
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static URL toUrl(URI uri) {
            try {
                return uri.toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("The key set URL " + uri + " is not a valid URL", e);
            }
        }

        private static void checkRange(String what, Duration value, Duration min, Duration max) {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was "
                        + value);
            }
        }
    }
}

package dev.betterauth4j.core;

import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingSource;
import dev.betterauth4j.core.settings.SettingType;
import dev.betterauth4j.core.settings.SettingsReader;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The verifier's configuration table: every option once, with its {@code BETTER_AUTH_*} name (environment, properties,
 * init parameters), type, default, bounds and meaning. It feeds {@link BetterAuthVerifierBuilder}'s defaults and
 * checks, {@code fromProperties}, {@code fromEnvironment}, the system property of the Ed25519 engine, the servlet
 * filter's {@code web.xml} reader, every error message, and docs/auth-core.md (checked by a test).
 */
final class VerifierSettings {

    static final String PREFIX = "BETTER_AUTH_";

    /** Sets an option of the group {@code http(...)}. */
    private static <T> BiConsumer<BetterAuthVerifierBuilder, T> inHttp(BiConsumer<HttpOptions, T> option) {
        return (builder, value) -> option.accept(builder.httpOptions, value);
    }

    /** Sets an option of the group {@code keySet(...)}. */
    private static <T> BiConsumer<BetterAuthVerifierBuilder, T> inKeySet(BiConsumer<KeySetOptions, T> option) {
        return (builder, value) -> option.accept(builder.keySetOptions, value);
    }

    /** Sets an option of the group {@code sessions(...)}, without turning sessions on. */
    private static <T> BiConsumer<BetterAuthVerifierBuilder, T> inSession(BiConsumer<SessionOptions, T> option) {
        return (builder, value) -> option.accept(builder.sessionOptions, value);
    }

    /** Sets an option of the group {@code cookieCache(...)}, without turning the cookie cache on. */
    private static <T> BiConsumer<BetterAuthVerifierBuilder, T> inCookieCache(
            BiConsumer<CookieCacheOptions, T> option) {
        return (builder, value) -> option.accept(builder.cookieCacheOptions, value);
    }

    static final Setting<BetterAuthVerifierBuilder, URI> BASE_URL = Setting.of("baseUrl", SettingType.URI,
                    BetterAuthVerifierBuilder::baseUrl)
            .key("BETTER_AUTH_URL")
            .defaultText("none")
            .describe("Better Auth's base URL, an origin such as `https://app.example.com`: derives the key set URL"
                    + " `{origin}/api/auth/jwks` and the expected `iss` and `aud`");

    static final Setting<BetterAuthVerifierBuilder, URI> JWKS_URL = Setting.of("jwksUrl", SettingType.URI,
                    BetterAuthVerifierBuilder::jwksUrl)
            .key("BETTER_AUTH_JWKS_URL")
            .defaultText("`{baseUrl}/api/auth/jwks`")
            .describe("The key set URL, for a custom `basePath`, `jwks.jwksPath` or `jwks.remoteUrl`; https, or"
                    + " http on loopback");

    static final Setting<BetterAuthVerifierBuilder, String> SHARED_SECRET = Setting.of("sharedSecret",
                    SettingType.SECRET, BetterAuthVerifierBuilder::sharedSecret)
            .key("BETTER_AUTH_SECRET")
            .defaultText("none (HS256 off)")
            .describe("The shared secret for HS256 tokens (its UTF-8 bytes, as Better Auth uses them): at least 32"
                    + " bytes, never Better Auth's public default");

    static final Setting<BetterAuthVerifierBuilder, String> ISSUER = Setting.of("issuer", SettingType.TEXT,
                    BetterAuthVerifierBuilder::issuer)
            .key("BETTER_AUTH_ISSUER")
            .defaultText("the base URL's origin")
            .describe("The expected `iss`, compared exactly");

    static final Setting<BetterAuthVerifierBuilder, List<String>> AUDIENCES = Setting.of("audiences", SettingType.LIST,
                    (BetterAuthVerifierBuilder b, List<String> values) -> b.audiences(values))
            .key("BETTER_AUTH_AUDIENCE")
            .defaultText("the base URL's origin")
            .describe("The accepted audiences, comma-separated: one `aud` value must be one of them");

    static final Setting<BetterAuthVerifierBuilder, List<String>> ALGORITHMS = Setting.of("algorithms",
                    SettingType.LIST, (BetterAuthVerifierBuilder b, List<String> values) -> b.algorithms(values))
            .key("BETTER_AUTH_ALGORITHMS")
            .defaultText("EdDSA, ES256, ES512, RS256, PS256 with a key set; HS256 with a secret")
            .describe("The algorithm allow-list: EdDSA, Ed25519, ES256, ES384, ES512, RS256, RS384, RS512, PS256,"
                    + " PS384, PS512 (key set) and HS256, HS384, HS512 (secret)");

    static final Setting<BetterAuthVerifierBuilder, Duration> CLOCK_SKEW = Setting.of("clockSkew", SettingType.DURATION,
                    BetterAuthVerifierBuilder::clockSkew)
            .key("BETTER_AUTH_CLOCK_SKEW")
            .defaultValue(Duration.ofSeconds(60))
            .between(Duration.ZERO, Duration.ofMinutes(5))
            .describe("How far `exp`, `nbf` and `iat` may be off");

    static final Setting<BetterAuthVerifierBuilder, Integer> MAX_TOKEN_LENGTH = Setting.of("maxTokenLength",
                    SettingType.INTEGER, BetterAuthVerifierBuilder::maxTokenLength)
            .key("BETTER_AUTH_MAX_TOKEN_LENGTH")
            .defaultValue(8192)
            .between(512, 65_536)
            .describe("The longest token accepted, in characters, checked before any decoding");

    static final Setting<BetterAuthVerifierBuilder, Duration> JWKS_CACHE_TTL = Setting.of("keySet.cacheTtl",
                    SettingType.DURATION, inKeySet(KeySetOptions::cacheTtl))
            .key("BETTER_AUTH_JWKS_CACHE_TTL")
            .defaultValue(Duration.ofMinutes(5))
            .between(Duration.ofSeconds(1), Duration.ofHours(24))
            .describe("How long a fetched key set is used before it is fetched again; an unknown `kid` refreshes it"
                    + " sooner");

    static final Setting<BetterAuthVerifierBuilder, Duration> JWKS_REFRESH_AHEAD = Setting.of("keySet.refreshAhead",
                    SettingType.DURATION, inKeySet(KeySetOptions::refreshAhead))
            .key("BETTER_AUTH_JWKS_REFRESH_AHEAD")
            .defaultValue(Duration.ofSeconds(30))
            .between(Duration.ZERO, Duration.ofHours(24))
            .describe("How long before the cache expires a request starts a background refresh; 0 turns it off");

    static final Setting<BetterAuthVerifierBuilder, Duration> JWKS_REFRESH_RATE_LIMIT = Setting.of(
                    "keySet.refreshRateLimit", SettingType.DURATION,
                    inKeySet(KeySetOptions::refreshRateLimit))
            .key("BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT")
            .defaultValue(Duration.ofMillis(500))
            .between(Duration.ofMillis(100), Duration.ofHours(1))
            .describe("The key set fetch budget: two at once, then one per interval, one at a time; less than the"
                    + " cache TTL");

    static final Setting<BetterAuthVerifierBuilder, Duration> JWKS_OUTAGE_TOLERANCE = Setting.of(
                    "keySet.outageTolerance", SettingType.DURATION,
                    inKeySet(KeySetOptions::outageTolerance))
            .key("BETTER_AUTH_JWKS_OUTAGE_TOLERANCE")
            .defaultValue(Duration.ofHours(1))
            .between(Duration.ZERO, Duration.ofDays(7))
            .describe("How long after the last successful fetch its keys stay usable while the endpoint fails, for"
                    + " cached tokens too");

    static final Setting<BetterAuthVerifierBuilder, Duration> HTTP_CONNECT_TIMEOUT = Setting.of("http.connectTimeout",
                    SettingType.DURATION, inHttp(HttpOptions::connectTimeout))
            .key("BETTER_AUTH_HTTP_CONNECT_TIMEOUT")
            .defaultValue(Duration.ofSeconds(2))
            .between(Duration.ofMillis(100), Duration.ofSeconds(60))
            .describe("The TCP connect timeout of calls to Better Auth (key set, `get-session`, introspection)");

    static final Setting<BetterAuthVerifierBuilder, Duration> HTTP_READ_TIMEOUT = Setting.of("http.readTimeout",
                    SettingType.DURATION, inHttp(HttpOptions::readTimeout))
            .key("BETTER_AUTH_HTTP_READ_TIMEOUT")
            .defaultValue(Duration.ofSeconds(5))
            .between(Duration.ofMillis(100), Duration.ofSeconds(120))
            .describe("The deadline for a whole response from Better Auth, headers and body");

    static final Setting<BetterAuthVerifierBuilder, Integer> JWKS_SIZE_LIMIT = Setting.of("keySet.sizeLimit",
                    SettingType.INTEGER, inKeySet(KeySetOptions::sizeLimit))
            .key("BETTER_AUTH_JWKS_SIZE_LIMIT")
            .defaultValue(256 * 1024)
            .between(1024, 16 * 1024 * 1024)
            .describe("The largest key set document accepted, in bytes");

    static final Setting<BetterAuthVerifierBuilder, Boolean> ALLOW_INSECURE_HTTP = Setting.of("http.allowInsecure",
                    SettingType.BOOLEAN, inHttp(HttpOptions::allowInsecure))
            .key("BETTER_AUTH_ALLOW_INSECURE_HTTP")
            .defaultValue(false)
            .describe("Allows plain `http://` to Better Auth on a host other than loopback, where anyone on the path"
                    + " could swap the keys");

    static final Setting<BetterAuthVerifierBuilder, Integer> TOKEN_CACHE_SIZE = Setting.of("tokenCacheSize",
                    SettingType.INTEGER, BetterAuthVerifierBuilder::tokenCacheSize)
            .key("BETTER_AUTH_TOKEN_CACHE_SIZE")
            .defaultValue(0)
            .between(0, 10_000_000)
            .describe("Entries of the verified-token cache (0 turns it off; else at least "
                    + VerifiedTokenCache.STRIPES + "): a token seen before costs a lookup, not a signature check");

    static final Setting<BetterAuthVerifierBuilder, String> ED25519_ENGINE = Setting.of("ed25519Engine",
                    SettingType.TEXT, BetterAuthVerifierBuilder::ed25519Engine)
            .key("BETTER_AUTH_ED25519_ENGINE")
            .systemProperty(Ed25519Engine.PROPERTY)
            .defaultValue("auto")
            .describe("Which implementation verifies Ed25519: `auto` (the fastest on the classpath: Bouncy Castle, then"
                    + " Tink, then the JDK), `jdk`, `tink` or `bouncycastle`; without it, the system property"
                    + " `betterauth4j.ed25519`");

    static final Setting<BetterAuthVerifierBuilder, String> SECRETS = Setting.of("secrets", SettingType.SECRET,
                    BetterAuthVerifierBuilder::secrets)
            .key("BETTER_AUTH_SECRETS")
            .defaultText("none")
            .describe("Better Auth's versioned secrets, `2:new,1:old`: the first is the current one, which signs"
                    + " session cookies and replaces `sharedSecret` for every check a secret makes");

    static final Setting<BetterAuthVerifierBuilder, String> BASE_PATH = Setting.of("basePath", SettingType.TEXT,
                    BetterAuthVerifierBuilder::basePath)
            .key("BETTER_AUTH_BASE_PATH")
            .defaultValue("/api/auth")
            .describe("Better Auth's `basePath`: where its endpoints (`/jwks`, `/get-session`) are under the base URL");

    static final Setting<BetterAuthVerifierBuilder, Boolean> SESSIONS = Setting.of("sessions", SettingType.BOOLEAN,
                    (BetterAuthVerifierBuilder b, Boolean on) -> b.sessions(on))
            .key("BETTER_AUTH_SESSIONS")
            .defaultValue(false)
            .describe("Accepts Better Auth session tokens (the `session_token` cookie, the `bearer` plugin's token),"
                    + " resolved by Better Auth's `get-session`; needs `baseUrl`");

    static final Setting<BetterAuthVerifierBuilder, String> COOKIE_PREFIX = Setting.of("cookiePrefix", SettingType.TEXT,
                    BetterAuthVerifierBuilder::cookiePrefix)
            .key("BETTER_AUTH_COOKIE_PREFIX")
            .defaultValue("better-auth")
            .describe("Better Auth's `advanced.cookiePrefix`: the session cookie is `{prefix}.session_token`, or"
                    + " `__Secure-{prefix}.session_token` over https");

    static final Setting<BetterAuthVerifierBuilder, List<String>> TRUSTED_ORIGINS = Setting.of("trustedOrigins",
                    SettingType.LIST, (BetterAuthVerifierBuilder b, List<String> values) -> b.trustedOrigins(values))
            .key("BETTER_AUTH_TRUSTED_ORIGINS")
            .defaultText("the base URL's origin only")
            .describe("Origins besides the base URL's from which a cookie-authenticated request may change something"
                    + " (POST, PUT, PATCH, DELETE); wildcards as in Better Auth (`https://*.example.com`)");

    static final Setting<BetterAuthVerifierBuilder, Boolean> ACCEPT_BARE_SESSION_TOKENS = Setting.of(
                    "sessions.acceptBareTokens", SettingType.BOOLEAN,
                    inSession(SessionOptions::acceptBareTokens))
            .key("BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS")
            .defaultValue(false)
            .describe("Accepts a bearer session token without its signature, as `bearer()` does unless"
                    + " `requireSignature` is set; such a token is checked by Better Auth alone");

    static final Setting<BetterAuthVerifierBuilder, Duration> SESSION_CACHE_TTL = Setting.of("sessions.cacheTtl",
                    SettingType.DURATION, inSession(SessionOptions::cacheTtl))
            .key("BETTER_AUTH_SESSION_CACHE_TTL")
            .defaultValue(Duration.ofSeconds(30))
            .between(Duration.ZERO, Duration.ofHours(1))
            .describe("How long Better Auth's answer for a session is used (never past the session's expiry): a"
                    + " signed-out session can pass for up to this long; 0 asks Better Auth every time");

    static final Setting<BetterAuthVerifierBuilder, Duration> SESSION_NEGATIVE_CACHE_TTL = Setting.of(
                    "sessions.negativeCacheTtl", SettingType.DURATION,
                    inSession(SessionOptions::negativeCacheTtl))
            .key("BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL")
            .defaultValue(Duration.ofSeconds(5))
            .between(Duration.ZERO, Duration.ofMinutes(5))
            .describe("How long \"no such session\" is remembered for a token");

    static final Setting<BetterAuthVerifierBuilder, Integer> SESSION_CACHE_SIZE = Setting.of("sessions.cacheSize",
                    SettingType.INTEGER, inSession(SessionOptions::cacheSize))
            .key("BETTER_AUTH_SESSION_CACHE_SIZE")
            .defaultValue(10_000)
            .between(1, 10_000_000)
            .describe("Session answers remembered at most");

    static final Setting<BetterAuthVerifierBuilder, Integer> SESSION_MAX_CONCURRENT_CALLS = Setting.of(
                    "sessions.maxConcurrentCalls", SettingType.INTEGER, inSession(SessionOptions::maxConcurrentCalls))
            .key("BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS")
            .defaultValue(8)
            .between(1, 256)
            .describe("Calls to Better Auth's `get-session` at once; requests beyond wait up to `http.readTimeout`,"
                    + " then get 503");

    static final Setting<BetterAuthVerifierBuilder, Boolean> COOKIE_CACHE = Setting.of("cookieCache",
                    SettingType.BOOLEAN, (BetterAuthVerifierBuilder b, Boolean on) -> b.cookieCache(on))
            .key("BETTER_AUTH_COOKIE_CACHE")
            .defaultValue(false)
            .describe("Accepts a session by its cookie cache (`session_data`, any strategy) with no call to Better Auth,"
                    + " paired with its `session_token` cookie; needs the secret; falls back to `get-session` when"
                    + " `sessions` is on");

    static final Setting<BetterAuthVerifierBuilder, String> COOKIE_CACHE_VERSION = Setting.of("cookieCache.version",
                    SettingType.TEXT, inCookieCache(CookieCacheOptions::version))
            .key("BETTER_AUTH_COOKIE_CACHE_VERSION")
            .defaultText("any")
            .describe("Better Auth's `session.cookieCache.version`: a cache of another version is not used");

    static final Setting<BetterAuthVerifierBuilder, Boolean> PLUGIN_TOKENS = Setting.of("pluginTokens",
                    SettingType.BOOLEAN, BetterAuthVerifierBuilder::pluginTokens)
            .key("BETTER_AUTH_PLUGIN_TOKENS")
            .defaultValue(true)
            .describe("Accepts JWTs of the `jwt` plugin (any JWT whose `typ` is not `at+jwt`); `false` with a resource"
                    + " accepts OAuth access tokens only");

    static final List<Setting<BetterAuthVerifierBuilder, ?>> TABLE = List.of(BASE_URL, JWKS_URL, SHARED_SECRET,
            SECRETS, ISSUER, AUDIENCES, ALGORITHMS, CLOCK_SKEW, MAX_TOKEN_LENGTH, JWKS_CACHE_TTL, JWKS_REFRESH_AHEAD,
            JWKS_REFRESH_RATE_LIMIT, JWKS_OUTAGE_TOLERANCE, HTTP_CONNECT_TIMEOUT, HTTP_READ_TIMEOUT, JWKS_SIZE_LIMIT,
            ALLOW_INSECURE_HTTP, TOKEN_CACHE_SIZE, ED25519_ENGINE, BASE_PATH, SESSIONS, COOKIE_PREFIX, TRUSTED_ORIGINS,
            ACCEPT_BARE_SESSION_TOKENS, SESSION_CACHE_TTL, SESSION_NEGATIVE_CACHE_TTL, SESSION_CACHE_SIZE,
            SESSION_MAX_CONCURRENT_CALLS, COOKIE_CACHE, COOKIE_CACHE_VERSION, AccessTokenSettings.RESOURCE,
            AccessTokenSettings.ACCESS_TOKEN_ISSUER, PLUGIN_TOKENS, AccessTokenSettings.INTROSPECTION_CLIENT_ID,
            AccessTokenSettings.INTROSPECTION_CLIENT_SECRET, AccessTokenSettings.INTROSPECTION_AUTH_METHOD,
            AccessTokenSettings.INTROSPECTION_URL, AccessTokenSettings.ACCEPT_MISSING_AUDIENCE,
            AccessTokenSettings.INTROSPECTION_CACHE_TTL, AccessTokenSettings.INTROSPECTION_NEGATIVE_CACHE_TTL,
            AccessTokenSettings.INTROSPECTION_CACHE_SIZE, AccessTokenSettings.INTROSPECTION_MAX_CONCURRENT_CALLS,
            AccessTokenSettings.DPOP_REPLAY_CACHE_SIZE);

    /**
     * Variables Better Auth itself reads (better-auth 1.7's source) that this library does not: they are often in the
     * same environment, so they are not typos.
     */
    static final Set<String> BETTER_AUTHS_OWN = Set.of("BETTER_AUTH_TELEMETRY", "BETTER_AUTH_TELEMETRY_DEBUG",
            "BETTER_AUTH_TELEMETRY_ENDPOINT", "BETTER_AUTH_TELEMETRY_ID");

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private VerifierSettings() {
    }

    /**
     * Gives a builder the {@code BETTER_AUTH_*} settings of {@code values}, after refusing unknown names the way
     * {@code source} calls for (names without the prefix belong to others and are ignored).
     */
    static BetterAuthVerifierBuilder read(Map<String, String> values, SettingSource source,
                                          BetterAuthVerifierBuilder builder) {
        Objects.requireNonNull(values, "values");
        List<String> ours = values.keySet().stream().filter(name -> name.startsWith(PREFIX)).toList();
        SettingsReader.checkNames(ours, SettingsReader.names(TABLE, SettingSource.PROPERTIES), BETTER_AUTHS_OWN,
                source, warning -> LOGGER.log(Level.WARNING, warning));
        return SettingsReader.read(TABLE, values, SettingSource.PROPERTIES, builder);
    }
}

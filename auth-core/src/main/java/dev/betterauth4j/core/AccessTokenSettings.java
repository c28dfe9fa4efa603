package dev.betterauth4j.core;

import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingType;

import java.net.URI;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The rows of the verifier's configuration table ({@link VerifierSettings#TABLE}) for OAuth access tokens, the options
 * of {@link AccessTokenOptions}: kept beside each other as the options are, and read by {@link OAuthAssembly}.
 */
final class AccessTokenSettings {

    static final Setting<BetterAuthVerifierBuilder, String> RESOURCE = Setting.of("accessTokens.resource",
                    SettingType.TEXT, inAccessToken(AccessTokenOptions::resource))
            .key("BETTER_AUTH_RESOURCE")
            .defaultText("none (access tokens off)")
            .describe("This API's resource identifier (RFC 8707), an absolute URI such as `https://api.example.com`:"
                    + " accepts OAuth access tokens of Better Auth's OAuth provider whose `aud` names it (`at+jwt` JWTs"
                    + " with the key set, opaque ones by introspection), DPoP-bound or not");

    static final Setting<BetterAuthVerifierBuilder, String> ACCESS_TOKEN_ISSUER = Setting.of("accessTokens.issuer",
                    SettingType.TEXT, inAccessToken(AccessTokenOptions::issuer))
            .key("BETTER_AUTH_ACCESS_TOKEN_ISSUER")
            .defaultText("`{baseUrl}{basePath}`, e.g. `https://app.example.com/api/auth`")
            .describe("The expected `iss` of access tokens and introspection answers (the OAuth provider's issuer, which"
                    + " is not the jwt plugin's), compared exactly");

    static final Setting<BetterAuthVerifierBuilder, String> INTROSPECTION_CLIENT_ID = Setting.of(
                    "accessTokens.introspectionClientId", SettingType.TEXT,
                    inAccessToken(AccessTokenOptions::introspectionClientId))
            .key("BETTER_AUTH_INTROSPECTION_CLIENT_ID")
            .defaultText("none (opaque tokens off)")
            .describe("The OAuth client this API introspects opaque access tokens as (RFC 7662); with its secret, turns"
                    + " opaque tokens on; needs `resource`");

    static final Setting<BetterAuthVerifierBuilder, String> INTROSPECTION_CLIENT_SECRET = Setting.of(
                    "accessTokens.introspectionClientSecret", SettingType.SECRET,
                    inAccessToken(AccessTokenOptions::introspectionClientSecret))
            .key("BETTER_AUTH_INTROSPECTION_CLIENT_SECRET")
            .defaultText("none")
            .describe("That client's secret");

    static final Setting<BetterAuthVerifierBuilder, String> INTROSPECTION_AUTH_METHOD = Setting.of(
                    "accessTokens.introspectionAuthMethod", SettingType.TEXT,
                    inAccessToken(AccessTokenOptions::introspectionAuthMethod))
            .key("BETTER_AUTH_INTROSPECTION_AUTH_METHOD")
            .defaultValue("client_secret_basic")
            .describe("How that client authenticates, as it is registered: `client_secret_basic` or"
                    + " `client_secret_post`");

    static final Setting<BetterAuthVerifierBuilder, URI> INTROSPECTION_URL = Setting.of("accessTokens.introspectionUrl",
                    SettingType.URI, inAccessToken(AccessTokenOptions::introspectionUrl))
            .key("BETTER_AUTH_INTROSPECTION_URL")
            .defaultText("discovered from `{baseUrl}{basePath}/.well-known/oauth-authorization-server`")
            .describe("The introspection endpoint; https, or http on loopback");

    static final Setting<BetterAuthVerifierBuilder, Boolean> ACCEPT_MISSING_AUDIENCE = Setting.of(
                    "accessTokens.acceptMissingAudience", SettingType.BOOLEAN,
                    inAccessToken(AccessTokenOptions::acceptMissingAudience))
            .key("BETTER_AUTH_ACCEPT_MISSING_AUDIENCE")
            .defaultValue(false)
            .describe("Accepts an introspection answer without `aud` (a token issued without `resource`); off, such"
                    + " an answer is refused, as Better Auth's own helper does. A wrong `aud` is always refused");

    static final Setting<BetterAuthVerifierBuilder, Duration> INTROSPECTION_CACHE_TTL = Setting.of(
                    "accessTokens.introspectionCacheTtl", SettingType.DURATION,
                    inAccessToken(AccessTokenOptions::introspectionCacheTtl))
            .key("BETTER_AUTH_INTROSPECTION_CACHE_TTL")
            .defaultValue(Duration.ofSeconds(30))
            .between(Duration.ZERO, Duration.ofHours(1))
            .describe("How long an active introspection answer is used (never past the token's `exp`): a revoked"
                    + " token can pass for up to this long; 0 asks every time");

    static final Setting<BetterAuthVerifierBuilder, Duration> INTROSPECTION_NEGATIVE_CACHE_TTL = Setting.of(
                    "accessTokens.introspectionNegativeCacheTtl", SettingType.DURATION,
                    inAccessToken(AccessTokenOptions::introspectionNegativeCacheTtl))
            .key("BETTER_AUTH_INTROSPECTION_NEGATIVE_CACHE_TTL")
            .defaultValue(Duration.ofSeconds(5))
            .between(Duration.ZERO, Duration.ofMinutes(5))
            .describe("How long `active: false` is remembered for a token");

    static final Setting<BetterAuthVerifierBuilder, Integer> INTROSPECTION_CACHE_SIZE = Setting.of(
                    "accessTokens.introspectionCacheSize", SettingType.INTEGER,
                    inAccessToken(AccessTokenOptions::introspectionCacheSize))
            .key("BETTER_AUTH_INTROSPECTION_CACHE_SIZE")
            .defaultValue(10_000)
            .between(1, 10_000_000)
            .describe("Introspection answers remembered at most");

    static final Setting<BetterAuthVerifierBuilder, Integer> INTROSPECTION_MAX_CONCURRENT_CALLS = Setting.of(
                    "accessTokens.introspectionMaxConcurrentCalls", SettingType.INTEGER,
                    inAccessToken(AccessTokenOptions::introspectionMaxConcurrentCalls))
            .key("BETTER_AUTH_INTROSPECTION_MAX_CONCURRENT_CALLS")
            .defaultValue(8)
            .between(1, 256)
            .describe("Introspection calls at once; requests beyond wait up to the HTTP timeouts, then get 503");

    static final Setting<BetterAuthVerifierBuilder, Integer> DPOP_REPLAY_CACHE_SIZE = Setting.of(
                    "accessTokens.dpopReplayCacheSize", SettingType.INTEGER,
                    inAccessToken(AccessTokenOptions::dpopReplayCacheSize))
            .key("BETTER_AUTH_DPOP_REPLAY_CACHE_SIZE")
            .defaultValue(100_000)
            .between(1_000, 10_000_000)
            .describe("DPoP proofs remembered to refuse a replay, in this instance's memory (each for 305 s); when full"
                    + " of live ones, new proofs get 503. Several instances need a shared store:"
                    + " `AccessTokenOptions.dpopReplayStore(...)`");

    private AccessTokenSettings() {
    }

    /** Sets an option of the group {@code accessTokens(...)}. */
    private static <T> BiConsumer<BetterAuthVerifierBuilder, T> inAccessToken(
            BiConsumer<AccessTokenOptions, T> option) {
        return (builder, value) -> option.accept(builder.accessTokenOptions, value);
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;

import javax.crypto.Mac;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a builder's options into a verifier, in two steps: it decides (each option checked by the rule that guards
 * it: {@link Origin} for the base URL, {@link RemoteUrl}, {@link Algorithms}, {@link SharedSecret},
 * {@link JwksSettings}, the table's bounds), then composes the pipeline from small parts (key sources, claim rules,
 * cache).
 */
final class VerifierAssembly {

    private static final java.util.regex.Pattern BASE_PATH = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final java.util.regex.Pattern COOKIE_PREFIX = java.util.regex.Pattern.compile(
            "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private VerifierAssembly() {
    }

    static BetterAuthVerifier assemble(BetterAuthVerifierBuilder b) {
        // Decide.
        Origin origin = b.baseUrl == null ? null : Origin.ofBaseUrl(b.baseUrl, VerifierSettings.BASE_URL.label());
        if (b.jwks != null && b.jwksUrl != null) {
            throw new IllegalArgumentException("jwks(...) and " + VerifierSettings.JWKS_URL.label()
                    + " are both set: choose one key set");
        }
        String basePath = basePath(b.basePath);
        URI keySetUri = b.jwks != null ? null : b.jwksUrl != null ? b.jwksUrl
                : origin != null ? URI.create(origin + basePath + "/jwks") : null;
        String keySetLabel = b.jwksUrl != null ? VerifierSettings.JWKS_URL.label() : VerifierSettings.BASE_URL.label();
        URL keySetUrl = keySetUri == null ? null : b.httpOptions.checked(keySetUri, keySetLabel);
        boolean hasKeySet = b.jwks != null || keySetUrl != null;
        BetterAuthSecrets secrets = BetterAuthSecrets.of(b.secrets, b.sharedSecret);
        boolean hasSecret = secrets != null;
        boolean introspectionOnly = !b.pluginTokens && (b.accessTokenOptions.introspectionClientId != null
                || b.accessTokenOptions.introspectionClientSecret != null);
        if (!hasKeySet && !hasSecret && !introspectionOnly) {
            throw new IllegalArgumentException("No key source: set " + VerifierSettings.BASE_URL.label() + ", "
                    + VerifierSettings.JWKS_URL.label() + ", jwks(...) or " + VerifierSettings.SHARED_SECRET.label());
        }
        OAuthAssembly oauth = OAuthAssembly.decide(b, origin, basePath, hasKeySet);
        if (b.sessions && origin == null) {
            throw new IllegalArgumentException(VerifierSettings.SESSIONS.label() + " needs "
                    + VerifierSettings.BASE_URL.label() + ": sessions are resolved by Better Auth's get-session");
        }
        if (b.cookieCache && (origin == null || secrets == null)) {
            throw new IllegalArgumentException(VerifierSettings.COOKIE_CACHE.label() + " needs "
                    + VerifierSettings.BASE_URL.label() + " and " + VerifierSettings.SHARED_SECRET.label() + " (or "
                    + VerifierSettings.SECRETS.label() + "): the session cookie's signature must be checked here");
        }
        if (!COOKIE_PREFIX.matcher(b.cookiePrefix).matches()) {
            throw new IllegalArgumentException(VerifierSettings.COOKIE_PREFIX.label() + ": '" + b.cookiePrefix
                    + "' cannot start a cookie name");
        }
        TrustedOrigins trustedOrigins = TrustedOrigins.of(origin, b.trustedOrigins);
        Set<JWSAlgorithm> allowed = Algorithms.allowList(b.algorithms, hasKeySet, hasSecret);
        byte[] secret = hasSecret ? SharedSecret.keyBytes(BetterAuthSecrets.currentText(b.secrets, b.sharedSecret),
                allowed, (b.secrets != null ? VerifierSettings.SECRETS : VerifierSettings.SHARED_SECRET).label())
                : null;
        String issuer = b.issuer != null ? b.issuer : origin != null ? origin.toString() : null;
        if (issuer == null && b.pluginTokens) {
            throw new IllegalArgumentException("issuer is required: set " + VerifierSettings.BASE_URL.label() + " or "
                    + VerifierSettings.ISSUER.label());
        }
        List<String> audiences = b.pluginTokens ? audiences(b.audiences, origin) : List.of();
        VerifierSettings.CLOCK_SKEW.check(b.clockSkew);
        VerifierSettings.MAX_TOKEN_LENGTH.check(b.maxTokenLength);
        KeySetOptions fetching = b.keySetOptions;
        JwksSettings jwksSettings = keySetUrl == null ? null : JwksSettings.checked(fetching.cacheTtl,
                fetching.refreshAhead, fetching.refreshRateLimit, fetching.outageTolerance,
                b.httpOptions.connectTimeout, b.httpOptions.readTimeout, fetching.sizeLimit, b.cacheClock);
        VerifiedTokenCache.checkSize(VerifierSettings.TOKEN_CACHE_SIZE.check(b.tokenCacheSize));
        boolean sessionCredentials = b.sessions || b.cookieCache;
        if (b.sessions) {
            b.sessionOptions.check();
            b.httpOptions.check();
        }
        Set<JWSAlgorithm> asymmetric = Algorithms.family(allowed, false);
        boolean ed25519Allowed = asymmetric.stream().anyMatch(Ed25519Engine.ALGORITHMS::contains);
        Ed25519Engine ed25519 = !ed25519Allowed ? Ed25519Engine.JDK : b.ed25519Engine != null
                ? Ed25519Engine.select(b.ed25519Engine, VerifierSettings.ED25519_ENGINE.label())
                : Ed25519Engine.select(System.getProperty(Ed25519Engine.PROPERTY));

        // Compose.
        DistinctWarnings warnings = new DistinctWarnings(LOGGER);
        TrustedKeyFactory factory = new TrustedKeyFactory(asymmetric, warnings, ed25519);
        KeySource keySet = b.jwks != null ? JwksKeySource.fixed(b.jwks, factory)
                : keySetUrl != null ? JwksKeySource.remote(keySetUrl, jwksSettings, new JwksDocumentParser(warnings),
                factory, LOGGER, b.observer) : null;
        KeySource secretKeys = secret == null ? null
                : new SharedSecretKeySource(secret, Algorithms.family(allowed, true));
        TokenProfile plugin = !b.pluginTokens ? null : new TokenProfile(CredentialKind.JWT,
                TokenProfile.PLUGIN_TOKEN_TYPES, true,
                new ClaimsValidator(CredentialKind.JWT, issuer, new LinkedHashSet<>(audiences), b.clockSkew, b.clock));
        JwtVerifier jwt = new JwtVerifier(b.maxTokenLength, new CompactJwsParser(allowed), keySet, secretKeys, plugin,
                oauth == null ? null : oauth.accessProfile(b),
                b.tokenCacheSize > 0 ? new VerifiedTokenCache(b.tokenCacheSize) : null, b.clock);
        AccessTokenVerifier accessTokens = oauth == null ? null : oauth.compose(b, ed25519);

        CookieCacheReader cookieCache = !b.cookieCache ? null : new CookieCacheReader(secrets,
                keySet == null ? null : cookieCacheJwts(b, keySet, allowed, origin), b.cookieCacheOptions.version,
                origin.toString(), b.clock);
        SessionVerifier sessions = sessionCredentials ? sessions(b, origin, basePath, secrets, cookieCache) : null;
        List<String> sessionCookies = sessionCredentials ? List.of("__Secure-" + b.cookiePrefix + ".session_token",
                b.cookiePrefix + ".session_token") : List.of();

        String keys = (b.jwks != null ? "static JWKS (" + b.jwks.getKeys().size() + " keys)"
                : keySetUrl != null ? "JWKS " + keySetUri : "")
                + (secretKeys == null ? "" : keySet == null ? "shared secret" : " and shared secret");
        String description = "BetterAuthVerifier[keys=" + keys + ", issuer=" + issuer + ", audiences=" + audiences
                + ", algorithms=" + allowed
                + (keySet != null && ed25519Allowed ? ", ed25519=" + ed25519.settingName() : "")
                + ", clockSkew=" + b.clockSkew + (b.tokenCacheSize > 0 ? ", tokenCache=" + b.tokenCacheSize : "")
                + (b.sessions ? ", sessions=" + origin + basePath + "/get-session (cache " + b.sessionOptions.cacheTtl
                + (secrets == null ? ", no local signature check" : "") + ")" : "")
                + (cookieCache == null ? "" : ", cookieCache=" + cookieCache)
                + ", trustedOrigins=" + trustedOrigins + (oauth == null ? "" : oauth.describe(b)) + "]";
        LOGGER.log(Level.DEBUG, description);
        return new BetterAuthVerifier(jwt, sessions, accessTokens, sessionCookies, trustedOrigins, b.observer,
                description);
    }

    private static SessionVerifier sessions(BetterAuthVerifierBuilder b, Origin origin, String basePath,
                                            BetterAuthSecrets secrets, CookieCacheReader cookieCache) {
        Mac hmac = secrets == null ? null : SessionToken.hmac(secrets.current());
        if (!b.sessions) {
            return new SessionVerifier(hmac, false, null, null, cookieCache);
        }
        URI getSession = URI.create(origin + basePath + "/get-session?disableCookieCache=true&disableRefresh=true");
        b.httpOptions.checked(getSession, VerifierSettings.BASE_URL.label());
        BoundedHttpClient http = b.httpOptions.client("get-session", SessionEndpoint.SIZE_LIMIT);
        SessionOptions options = b.sessionOptions;
        SessionCache cache = new SessionCache(options.cacheTtl.toMillis(), options.negativeCacheTtl.toMillis(),
                options.cacheSize, options.maxConcurrentCalls, b.httpOptions.callMillis(), b.cacheClock);
        return new SessionVerifier(hmac, b.sessionOptions.acceptBareTokens, cache,
                new SessionEndpoint(getSession, origin.toString(), http, b.clock), cookieCache);
    }

    /**
     * The profile of the {@code jwt} plugin's {@code sessionCookieCache}: signed with the key set,
     * {@code typ: better-auth.session-cache+jwt}, {@code aud: better-auth:session-cache}, {@code iss} Better Auth's
     * origin, 15 s of skew as Better Auth allows; no token cache (the cookie changes with every refresh).
     */
    private static JwtVerifier cookieCacheJwts(BetterAuthVerifierBuilder b, KeySource keySet,
                                               Set<JWSAlgorithm> allowed, Origin origin) {
        TokenProfile profile = new TokenProfile(CredentialKind.SESSION_COOKIE_CACHE,
                Set.of("better-auth.session-cache+jwt"), false, new ClaimsValidator(CredentialKind.SESSION_COOKIE_CACHE,
                origin.toString(), Set.of("better-auth:session-cache"),
                java.time.Duration.ofMillis(CookieCacheReader.SKEW_MILLIS), b.clock));
        return new JwtVerifier(SessionDataCookie.MAX_LENGTH, new CompactJwsParser(Algorithms.family(allowed, false)),
                keySet, null, profile, null, null, b.clock);
    }

    private static String basePath(String configured) {
        String path = configured.endsWith("/") && configured.length() > 1
                ? configured.substring(0, configured.length() - 1) : configured;
        if (!BASE_PATH.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")
                || path.contains("/./") || path.endsWith("/.")) {
            throw new IllegalArgumentException(VerifierSettings.BASE_PATH.label() + ": '" + configured + "' is not a"
                    + " path such as /api/auth");
        }
        return path;
    }

    private static List<String> audiences(List<String> configured, Origin origin) {
        List<String> audiences = configured != null ? List.copyOf(configured)
                : origin != null ? List.of(origin.toString()) : null;
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalArgumentException("audiences are required: set " + VerifierSettings.BASE_URL.label()
                    + " or " + VerifierSettings.AUDIENCES.label());
        }
        for (String audience : audiences) {
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException(VerifierSettings.AUDIENCES.label()
                        + " must not contain blank values");
            }
        }
        return audiences;
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a builder's options into a verifier, in two steps: it decides (each option checked by the rule that guards
 * it: {@link Origin} for the base URL, {@link KeySetUrl}, {@link Algorithms}, {@link SharedSecret},
 * {@link JwksSettings}, the table's bounds), then composes the pipeline from small parts (key sources, claim rules,
 * cache).
 */
final class VerifierAssembly {

    static final String JWKS_PATH = "/api/auth/jwks";

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private VerifierAssembly() {
    }

    static BetterAuthVerifier assemble(BetterAuthVerifier.Builder b) {
        // Decide.
        Origin origin = b.baseUrl == null ? null : Origin.ofBaseUrl(b.baseUrl, VerifierSettings.BASE_URL.label());
        if (b.jwks != null && b.jwksUrl != null) {
            throw new IllegalArgumentException("jwks(...) and " + VerifierSettings.JWKS_URL.label()
                    + " are both set: choose one key set");
        }
        URI keySetUri = b.jwks != null ? null : b.jwksUrl != null ? b.jwksUrl
                : origin != null ? URI.create(origin + JWKS_PATH) : null;
        String keySetLabel = b.jwksUrl != null ? VerifierSettings.JWKS_URL.label() : VerifierSettings.BASE_URL.label();
        URL keySetUrl = keySetUri == null ? null : KeySetUrl.checked(keySetUri, keySetLabel, b.allowInsecureHttp);
        boolean hasKeySet = b.jwks != null || keySetUrl != null;
        boolean hasSecret = b.sharedSecret != null;
        if (!hasKeySet && !hasSecret) {
            throw new IllegalArgumentException("No key source: set " + VerifierSettings.BASE_URL.label() + ", "
                    + VerifierSettings.JWKS_URL.label() + ", jwks(...) or " + VerifierSettings.SHARED_SECRET.label());
        }
        Set<JWSAlgorithm> allowed = Algorithms.allowList(b.algorithms, hasKeySet, hasSecret);
        byte[] secret = hasSecret ? SharedSecret.keyBytes(b.sharedSecret, allowed) : null;
        String issuer = b.issuer != null ? b.issuer : origin != null ? origin.toString() : null;
        if (issuer == null) {
            throw new IllegalArgumentException("issuer is required: set " + VerifierSettings.BASE_URL.label() + " or "
                    + VerifierSettings.ISSUER.label());
        }
        List<String> audiences = audiences(b.audiences, origin);
        VerifierSettings.CLOCK_SKEW.check(b.clockSkew);
        VerifierSettings.MAX_TOKEN_LENGTH.check(b.maxTokenLength);
        JwksSettings jwksSettings = keySetUrl == null ? null : JwksSettings.checked(b.jwksCacheTtl,
                b.jwksRefreshAhead, b.jwksRefreshRateLimit, b.jwksOutageTolerance, b.httpConnectTimeout,
                b.httpReadTimeout, b.jwksSizeLimit, b.jwksClock);
        VerifiedTokenCache.checkSize(VerifierSettings.TOKEN_CACHE_SIZE.check(b.tokenCacheSize));
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
                factory, LOGGER) : null;
        KeySource secretKeys = secret == null ? null
                : new SharedSecretKeySource(secret, Algorithms.family(allowed, true));
        TokenProfile plugin = new TokenProfile(CredentialKind.JWT, TokenProfile.PLUGIN_TOKEN_TYPES, true,
                new ClaimsValidator(CredentialKind.JWT, issuer, new LinkedHashSet<>(audiences), b.clockSkew, b.clock));
        JwtVerifier jwt = new JwtVerifier(b.maxTokenLength, new CompactJwsParser(allowed), keySet, secretKeys, plugin,
                b.tokenCacheSize > 0 ? new VerifiedTokenCache(b.tokenCacheSize) : null, b.clock);

        String keys = (b.jwks != null ? "static JWKS (" + b.jwks.getKeys().size() + " keys)"
                : keySetUrl != null ? "JWKS " + keySetUri : "")
                + (secretKeys == null ? "" : keySet == null ? "shared secret" : " and shared secret");
        String description = "BetterAuthVerifier[keys=" + keys + ", issuer=" + issuer + ", audiences=" + audiences
                + ", algorithms=" + allowed
                + (keySet != null && ed25519Allowed ? ", ed25519=" + ed25519.settingName() : "")
                + ", clockSkew=" + b.clockSkew + (b.tokenCacheSize > 0 ? ", tokenCache=" + b.tokenCacheSize : "") + "]";
        LOGGER.log(Level.DEBUG, description);
        return new BetterAuthVerifier(jwt, description);
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

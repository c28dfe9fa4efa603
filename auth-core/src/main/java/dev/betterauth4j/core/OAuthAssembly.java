package dev.betterauth4j.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Set;

/**
 * The part of {@link VerifierAssembly} for OAuth access tokens ({@code BETTER_AUTH_RESOURCE}): decides the access-token
 * options (each checked by the rule that guards it), then composes the access-token profile, the introspection path and
 * the DPoP check.
 *
 * @param resource       this API's resource identifier
 * @param issuer         the expected {@code iss} of access tokens
 * @param introspection  whether opaque tokens are introspected
 * @param introspectUrl  the configured introspection endpoint, or null to discover it
 * @param metadataUrl    where the endpoint is discovered, or null when it is configured
 * @param authentication how the introspecting client authenticates
 */
record OAuthAssembly(String resource, String issuer, boolean introspection, URL introspectUrl, URI metadataUrl,
                     IntrospectionEndpoint.ClientAuthentication authentication) {

    /**
     * Decides the access-token options, or returns null when no resource is configured (after refusing options that
     * need one).
     *
     * @param origin     Better Auth's origin, or null
     * @param basePath   Better Auth's base path, checked
     * @param hasKeySet  whether a key set verifies JWTs
     * @throws IllegalArgumentException for an option that is invalid or contradicts another; the message names it
     */
    static OAuthAssembly decide(BetterAuthVerifier.Builder b, Origin origin, String basePath, boolean hasKeySet) {
        boolean clientGiven = b.introspectionClientId != null || b.introspectionClientSecret != null;
        if (b.resource == null) {
            String needsResource = clientGiven ? VerifierSettings.INTROSPECTION_CLIENT_ID.label()
                    : !b.pluginTokens ? VerifierSettings.PLUGIN_TOKENS.label() + "=false"
                    : b.accessTokenIssuer != null ? VerifierSettings.ACCESS_TOKEN_ISSUER.label()
                    : b.introspectionUrl != null ? VerifierSettings.INTROSPECTION_URL.label() : null;
            if (needsResource != null) {
                throw new IllegalArgumentException(needsResource + " needs " + VerifierSettings.RESOURCE.label()
                        + ": access tokens are accepted only for this API's resource identifier");
            }
            return null;
        }
        String resource = resource(b.resource);
        String issuer = b.accessTokenIssuer != null ? b.accessTokenIssuer
                : origin != null ? origin + basePath : null;
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException(VerifierSettings.RESOURCE.label() + " needs the access tokens' issuer:"
                    + " set " + VerifierSettings.BASE_URL.label() + " or "
                    + VerifierSettings.ACCESS_TOKEN_ISSUER.label());
        }
        if (clientGiven && (b.introspectionClientId == null || b.introspectionClientId.isBlank()
                || b.introspectionClientSecret == null || b.introspectionClientSecret.isEmpty())) {
            throw new IllegalArgumentException(VerifierSettings.INTROSPECTION_CLIENT_ID.label() + " and "
                    + VerifierSettings.INTROSPECTION_CLIENT_SECRET.label() + " go together: set both or neither");
        }
        if (!clientGiven && !hasKeySet) {
            throw new IllegalArgumentException(VerifierSettings.RESOURCE.label() + " needs a key set for JWT access"
                    + " tokens or an introspection client for opaque ones: set " + VerifierSettings.BASE_URL.label()
                    + " or " + VerifierSettings.INTROSPECTION_CLIENT_ID.label());
        }
        if (clientGiven && b.sessions && b.acceptBareSessionTokens) {
            throw new IllegalArgumentException(VerifierSettings.ACCEPT_BARE_SESSION_TOKENS.label() + " and "
                    + VerifierSettings.INTROSPECTION_CLIENT_ID.label() + " cannot be combined: a bare session token and"
                    + " an opaque access token look alike (no dot); signed session tokens (token.signature) work with"
                    + " both");
        }
        IntrospectionEndpoint.ClientAuthentication authentication = IntrospectionEndpoint.ClientAuthentication.of(
                b.introspectionAuthMethod, VerifierSettings.INTROSPECTION_AUTH_METHOD.label());
        URL introspectUrl = null;
        URI metadataUrl = null;
        if (clientGiven) {
            if (b.introspectionUrl != null) {
                introspectUrl = RemoteUrl.checked(b.introspectionUrl, VerifierSettings.INTROSPECTION_URL.label(),
                        b.allowInsecureHttp);
            } else if (origin != null) {
                metadataUrl = URI.create(origin + basePath + "/.well-known/oauth-authorization-server");
                RemoteUrl.checked(metadataUrl, VerifierSettings.BASE_URL.label(), b.allowInsecureHttp);
            } else {
                throw new IllegalArgumentException(VerifierSettings.INTROSPECTION_CLIENT_ID.label() + " needs "
                        + VerifierSettings.INTROSPECTION_URL.label() + ", or " + VerifierSettings.BASE_URL.label()
                        + " to discover it");
            }
            VerifierSettings.INTROSPECTION_CACHE_TTL.check(b.introspectionCacheTtl);
            VerifierSettings.INTROSPECTION_NEGATIVE_CACHE_TTL.check(b.introspectionNegativeCacheTtl);
            VerifierSettings.INTROSPECTION_CACHE_SIZE.check(b.introspectionCacheSize);
            VerifierSettings.INTROSPECTION_MAX_CONCURRENT_CALLS.check(b.introspectionMaxConcurrentCalls);
            VerifierSettings.HTTP_CONNECT_TIMEOUT.check(b.httpConnectTimeout);
            VerifierSettings.HTTP_READ_TIMEOUT.check(b.httpReadTimeout);
        }
        VerifierSettings.DPOP_REPLAY_CACHE_SIZE.check(b.dpopReplayCacheSize);
        return new OAuthAssembly(resource, issuer, clientGiven, introspectUrl, metadataUrl, authentication);
    }

    /** RFC 8707 §2: an absolute URI without a fragment. */
    private static String resource(String configured) {
        String label = VerifierSettings.RESOURCE.label();
        String trimmed = configured.trim();
        try {
            URI uri = new URI(trimmed);
            if (!uri.isAbsolute() || uri.getRawFragment() != null || trimmed.isEmpty()) {
                throw new IllegalArgumentException(label + ": '" + trimmed + "' must be an absolute URI without a"
                        + " fragment, such as https://api.example.com");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(label + ": '" + trimmed + "' is not a URI");
        }
        return trimmed;
    }

    /** The profile of {@code at+jwt} tokens: {@code iss} the provider's, {@code aud} naming the resource. */
    TokenProfile accessProfile(BetterAuthVerifier.Builder b) {
        return new TokenProfile(CredentialKind.ACCESS_TOKEN, TokenProfile.ACCESS_TOKEN_TYPES, false,
                new ClaimsValidator(CredentialKind.ACCESS_TOKEN, issuer, Set.of(resource), b.clockSkew, b.clock));
    }

    /** Composes the introspection path and the DPoP check. */
    AccessTokenVerifier compose(BetterAuthVerifier.Builder b, Ed25519Engine ed25519) {
        RemoteAnswerCache cache = null;
        IntrospectionEndpoint endpoint = null;
        if (introspection) {
            BoundedHttpClient http = new BoundedHttpClient("introspection", b.httpConnectTimeout, b.httpReadTimeout,
                    IntrospectionEndpoint.SIZE_LIMIT);
            IntrospectionLocation location = introspectUrl != null ? IntrospectionLocation.configured(toUri(
                    introspectUrl)) : IntrospectionLocation.discovered(metadataUrl, issuer, b.allowInsecureHttp, http,
                    b.cacheClock);
            endpoint = new IntrospectionEndpoint(location, b.introspectionClientId, b.introspectionClientSecret,
                    authentication, http, ClaimsValidator.introspection(issuer, resource, b.clockSkew, b.clock,
                    b.acceptMissingAudience), b.cacheClock);
            long waitMillis = b.httpConnectTimeout.plus(b.httpReadTimeout).toMillis();
            cache = new RemoteAnswerCache(TokenVerificationException.Reason.INACTIVE_TOKEN, "The access token is not"
                    + " active (unknown, expired, revoked, or its session has ended)",
                    b.introspectionCacheTtl.toMillis(), b.introspectionNegativeCacheTtl.toMillis(),
                    b.introspectionCacheSize, b.introspectionMaxConcurrentCalls, waitMillis, b.cacheClock);
        }
        DpopReplayStore replays = b.dpopReplayStore != null ? b.dpopReplayStore
                : DpopReplayStore.inMemory(b.dpopReplayCacheSize);
        return new AccessTokenVerifier(new ProtectedResource(resource, issuer,
                AccessTokenVerifier.dpopAlgorithmNames()), cache, endpoint,
                new DpopProofVerifier(ed25519, replays, b.clock), b.maxTokenLength);
    }

    /** How the verifier's description names the access-token set-up. */
    String describe(BetterAuthVerifier.Builder b) {
        return ", resource=" + resource + ", accessTokenIssuer=" + issuer + (introspection ? ", introspection="
                + (introspectUrl != null ? introspectUrl : "discovered from " + metadataUrl) + " (cache "
                + b.introspectionCacheTtl + (b.acceptMissingAudience ? ", missing aud accepted" : "") + ")" : "")
                + (b.pluginTokens ? "" : ", pluginTokens=false");
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(VerifierSettings.INTROSPECTION_URL.label() + ": " + url
                    + " is not a valid URI", e);
        }
    }
}

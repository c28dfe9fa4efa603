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
    static OAuthAssembly decide(BetterAuthVerifierBuilder b, Origin origin, String basePath, boolean hasKeySet) {
        AccessTokenOptions tokens = b.accessTokenOptions;
        boolean clientGiven = tokens.introspectionClientId != null || tokens.introspectionClientSecret != null;
        if (tokens.resource == null) {
            String needsResource = clientGiven ? AccessTokenSettings.INTROSPECTION_CLIENT_ID.label()
                    : !b.pluginTokens ? VerifierSettings.PLUGIN_TOKENS.label() + "=false"
                    : tokens.issuer != null ? AccessTokenSettings.ACCESS_TOKEN_ISSUER.label()
                    : tokens.introspectionUrl != null ? AccessTokenSettings.INTROSPECTION_URL.label()
                    : b.accessTokensGiven ? "accessTokens(...)" : null;
            if (needsResource != null) {
                throw new IllegalArgumentException(needsResource + " needs " + AccessTokenSettings.RESOURCE.label()
                        + ": access tokens are accepted only for this API's resource identifier");
            }
            return null;
        }
        String resource = resource(tokens.resource);
        String issuer = tokens.issuer != null ? tokens.issuer
                : origin != null ? origin + basePath : null;
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException(AccessTokenSettings.RESOURCE.label()
                    + " needs the access tokens' issuer: set " + VerifierSettings.BASE_URL.label() + " or "
                    + AccessTokenSettings.ACCESS_TOKEN_ISSUER.label());
        }
        if (clientGiven && (tokens.introspectionClientId == null || tokens.introspectionClientId.isBlank()
                || tokens.introspectionClientSecret == null || tokens.introspectionClientSecret.isEmpty())) {
            throw new IllegalArgumentException(AccessTokenSettings.INTROSPECTION_CLIENT_ID.label() + " and "
                    + AccessTokenSettings.INTROSPECTION_CLIENT_SECRET.label() + " go together: set both or neither");
        }
        if (!clientGiven && !hasKeySet) {
            throw new IllegalArgumentException(AccessTokenSettings.RESOURCE.label() + " needs a key set for JWT access"
                    + " tokens or an introspection client for opaque ones: set " + VerifierSettings.BASE_URL.label()
                    + " or " + AccessTokenSettings.INTROSPECTION_CLIENT_ID.label());
        }
        if (clientGiven && b.sessions && b.sessionOptions.acceptBareTokens) {
            throw new IllegalArgumentException(VerifierSettings.ACCEPT_BARE_SESSION_TOKENS.label() + " and "
                    + AccessTokenSettings.INTROSPECTION_CLIENT_ID.label() + " cannot be combined: a bare session token"
                    + " and an opaque access token look alike (no dot); signed session tokens (token.signature) work"
                    + " with both");
        }
        IntrospectionEndpoint.ClientAuthentication authentication = IntrospectionEndpoint.ClientAuthentication.of(
                tokens.introspectionAuthMethod, AccessTokenSettings.INTROSPECTION_AUTH_METHOD.label());
        URL introspectUrl = null;
        URI metadataUrl = null;
        if (clientGiven) {
            if (tokens.introspectionUrl != null) {
                introspectUrl = b.httpOptions.checked(tokens.introspectionUrl,
                        AccessTokenSettings.INTROSPECTION_URL.label());
            } else if (origin != null) {
                metadataUrl = URI.create(origin + basePath + "/.well-known/oauth-authorization-server");
                b.httpOptions.checked(metadataUrl, VerifierSettings.BASE_URL.label());
            } else {
                throw new IllegalArgumentException(AccessTokenSettings.INTROSPECTION_CLIENT_ID.label() + " needs "
                        + AccessTokenSettings.INTROSPECTION_URL.label() + ", or " + VerifierSettings.BASE_URL.label()
                        + " to discover it");
            }
            tokens.checkIntrospection();
            b.httpOptions.check();
        }
        AccessTokenSettings.DPOP_REPLAY_CACHE_SIZE.check(tokens.dpopReplayCacheSize);
        return new OAuthAssembly(resource, issuer, clientGiven, introspectUrl, metadataUrl, authentication);
    }

    /** RFC 8707 §2: an absolute URI without a fragment. */
    private static String resource(String configured) {
        String label = AccessTokenSettings.RESOURCE.label();
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
    TokenProfile accessProfile(BetterAuthVerifierBuilder b) {
        return new TokenProfile(CredentialKind.ACCESS_TOKEN, TokenProfile.ACCESS_TOKEN_TYPES, false,
                new ClaimsValidator(CredentialKind.ACCESS_TOKEN, issuer, Set.of(resource), b.clockSkew, b.clock));
    }

    /** Composes the introspection path and the DPoP check. */
    AccessTokenVerifier compose(BetterAuthVerifierBuilder b, Ed25519Engine ed25519) {
        AccessTokenOptions tokens = b.accessTokenOptions;
        RemoteAnswerCache cache = null;
        IntrospectionEndpoint endpoint = null;
        if (introspection) {
            BoundedHttpClient http = b.httpOptions.client("introspection", IntrospectionEndpoint.SIZE_LIMIT);
            IntrospectionLocation location = introspectUrl != null ? IntrospectionLocation.configured(toUri(
                    introspectUrl)) : IntrospectionLocation.discovered(metadataUrl, issuer,
                    b.httpOptions.allowInsecure, http, b.cacheClock);
            endpoint = new IntrospectionEndpoint(location, tokens.introspectionClientId,
                    tokens.introspectionClientSecret, authentication, http, ClaimsValidator.introspection(issuer,
                    resource, b.clockSkew, b.clock, tokens.acceptMissingAudience), b.cacheClock);
            cache = new RemoteAnswerCache(TokenVerificationException.Reason.INACTIVE_TOKEN, "The access token is not"
                    + " active (unknown, expired, revoked, or its session has ended)",
                    tokens.introspectionCacheTtl.toMillis(), tokens.introspectionNegativeCacheTtl.toMillis(),
                    tokens.introspectionCacheSize, tokens.introspectionMaxConcurrentCalls, b.httpOptions.callMillis(),
                    b.cacheClock);
        }
        DpopReplayStore replays = tokens.dpopReplayStore != null ? tokens.dpopReplayStore
                : DpopReplayStore.inMemory(tokens.dpopReplayCacheSize);
        return new AccessTokenVerifier(new ProtectedResource(resource, issuer,
                AccessTokenVerifier.dpopAlgorithmNames()), cache, endpoint,
                new DpopProofVerifier(ed25519, replays, b.clock), b.maxTokenLength);
    }

    /** How the verifier's description names the access-token set-up. */
    String describe(BetterAuthVerifierBuilder b) {
        AccessTokenOptions tokens = b.accessTokenOptions;
        return ", resource=" + resource + ", accessTokenIssuer=" + issuer + (introspection ? ", introspection="
                + (introspectUrl != null ? introspectUrl : "discovered from " + metadataUrl) + " (cache "
                + tokens.introspectionCacheTtl + (tokens.acceptMissingAudience ? ", missing aud accepted" : "") + ")"
                : "")
                + (b.pluginTokens ? "" : ", pluginTokens=false");
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(AccessTokenSettings.INTROSPECTION_URL.label() + ": " + url
                    + " is not a valid URI", e);
        }
    }
}

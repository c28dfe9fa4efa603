package dev.betterauth4j.core;

import java.util.List;
import java.util.Objects;

/**
 * What a verifier configured as an OAuth resource server ({@code BETTER_AUTH_RESOURCE}) says about the API it protects:
 * what RFC 9728 protected-resource metadata and the {@code WWW-Authenticate} challenges need.
 *
 * @param resource            this API's resource identifier, the {@code aud} its access tokens must carry
 * @param authorizationServer the issuer of its access tokens (Better Auth's {@code {origin}{basePath}} by default)
 * @param dpopAlgorithms      the algorithms a DPoP proof may use
 */
public record ProtectedResource(String resource, String authorizationServer, List<String> dpopAlgorithms) {

    /**
     * @param resource            this API's resource identifier
     * @param authorizationServer the issuer of its access tokens
     * @param dpopAlgorithms      the algorithms a DPoP proof may use
     * @throws NullPointerException if an argument is null
     */
    public ProtectedResource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(authorizationServer, "authorizationServer");
        dpopAlgorithms = List.copyOf(dpopAlgorithms);
    }
}

package dev.betterauth4j.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code WWW-Authenticate} challenges of a refusal: RFC 6750's {@code Bearer} challenge, and when the verifier
 * accepts OAuth access tokens also RFC 9449's {@code DPoP} challenge with the algorithms a proof may use
 * ({@code algs}), each naming the protected-resource metadata ({@code resource_metadata}, RFC 9728 §5.1). The error
 * goes into the challenge of the scheme the request used ({@code DPoP} or {@code Bearer}); the other challenge is bare,
 * telling the client what else it may use. Without credentials both are bare (RFC 6750 §3.1: no error code).
 *
 * <pre>
 * WWW-Authenticate: Bearer realm="api", error="insufficient_scope", error_description="...", scope="tasks:write",
 *                   resource_metadata="https://api.example.com/.well-known/oauth-protected-resource"
 * WWW-Authenticate: DPoP realm="api", resource_metadata="...", algs="EdDSA ES256 ES512 PS256 RS256"
 * </pre>
 */
final class Challenges {

    private Challenges() {
    }

    /**
     * @param realm            the realm
     * @param failure          the refusal
     * @param dpopRequest      whether the request used the {@code DPoP} scheme
     * @param resourceMetadata the metadata URL, or null when the verifier accepts no access tokens
     * @param dpopAlgorithms   the proof algorithms, empty when the verifier accepts no access tokens
     */
    static List<String> of(String realm, AuthenticationFailure failure, boolean dpopRequest,
                           String resourceMetadata, List<String> dpopAlgorithms) {
        boolean dpop = !dpopAlgorithms.isEmpty();
        String bearer = challenge("Bearer", realm, dpop && dpopRequest ? null : failure, resourceMetadata, null);
        if (!dpop) {
            return List.of(bearer);
        }
        String proof = challenge("DPoP", realm, dpopRequest ? failure : null, resourceMetadata,
                String.join(" ", dpopAlgorithms));
        List<String> challenges = new ArrayList<>(2);
        challenges.add(dpopRequest ? proof : bearer);
        challenges.add(dpopRequest ? bearer : proof);
        return challenges;
    }

    private static String challenge(String scheme, String realm, AuthenticationFailure failure,
                                    String resourceMetadata, String algorithms) {
        StringBuilder value = new StringBuilder(scheme).append(" realm=\"").append(realm).append('"');
        if (failure != null && failure.error() != null) {
            value.append(", error=\"").append(failure.error()).append('"')
                    .append(", error_description=\"").append(RefusalWriter.headerSafe(failure.description()))
                    .append('"');
            if (!failure.scopes().isEmpty()) {
                value.append(", scope=\"").append(String.join(" ", failure.scopes())).append('"');
            }
        }
        if (resourceMetadata != null) {
            value.append(", resource_metadata=\"").append(RefusalWriter.headerSafe(resourceMetadata)).append('"');
        }
        if (algorithms != null) {
            value.append(", algs=\"").append(algorithms).append('"');
        }
        return value.toString();
    }
}

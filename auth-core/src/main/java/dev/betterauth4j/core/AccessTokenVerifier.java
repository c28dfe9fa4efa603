package dev.betterauth4j.core;

import java.util.List;

import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MISSING;
import static dev.betterauth4j.core.TokenVerificationException.Reason.TOO_LARGE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.WRONG_SCHEME;

/**
 * What the verifier does for OAuth access tokens beyond the JWT path (whose access-token profile lives in
 * {@link JwtVerifier}): opaque tokens through introspection, remembered by a {@link RemoteAnswerCache}; and the
 * sender constraint of DPoP-bound tokens (RFC 9449 §7.1), for every credential whatever its form:
 *
 * <ul>
 *   <li>an access token bound to a key ({@code cnf.jkt}) must come with the {@code DPoP} scheme and a proof by that key
 *       ({@link DpopProofVerifier}); with {@code Bearer}, or in a cookie, it is refused ({@code WRONG_SCHEME});</li>
 *   <li>the {@code DPoP} scheme with anything but a bound access token is refused ({@code WRONG_SCHEME}).</li>
 * </ul>
 *
 * @param protectedResource what the API is, for metadata and challenges
 * @param introspection     remembered introspection answers, or null when opaque tokens are off
 * @param endpoint          the introspection endpoint, or null when opaque tokens are off
 * @param dpop              checks DPoP proofs
 * @param maxTokenLength    the longest opaque token sent to introspection
 */
record AccessTokenVerifier(ProtectedResource protectedResource, RemoteAnswerCache introspection,
                           IntrospectionEndpoint endpoint, DpopProofVerifier dpop, int maxTokenLength)
        implements AutoCloseable {

    boolean introspects() {
        return endpoint != null;
    }

    /**
     * The user of an opaque access token, from the remembered answer or the introspection endpoint. Only a value that
     * could be a token (RFC 6750's {@code b64token} characters, within the length bound) is ever sent.
     */
    AuthenticatedUser introspect(String token) throws TokenVerificationException {
        if (token.isEmpty() || token.isBlank()) {
            throw new TokenVerificationException(MISSING, "No token was presented");
        }
        if (token.length() > maxTokenLength) {
            throw new TokenVerificationException(TOO_LARGE, "The token is longer than " + maxTokenLength
                    + " characters");
        }
        if (!isB64Token(token)) {
            throw new TokenVerificationException(MALFORMED, "The token is neither a JWT nor an opaque access token");
        }
        return introspection.get(RemoteAnswerCache.key(token), () -> endpoint.introspect(token));
    }

    /**
     * Applies the sender constraint to a verified credential.
     *
     * @param user    what the credential verified as
     * @param proof   the DPoP credential it came in, or null for any other form
     * @param request the request, whose method and URL a proof must name
     * @return {@code user}, when the scheme fits the binding and any proof is accepted
     */
    AuthenticatedUser bind(AuthenticatedUser user, Credential.DPoP proof, RequestContext request)
            throws TokenVerificationException {
        String boundKey = user.credential() == CredentialKind.ACCESS_TOKEN
                ? AccessTokenClaims.boundKey(user.claims()) : null;
        if (proof == null) {
            if (boundKey != null) {
                throw new TokenVerificationException(WRONG_SCHEME, "A DPoP-bound access token must be sent with the"
                        + " DPoP authorization scheme and a DPoP proof");
            }
            return user;
        }
        if (boundKey == null) {
            throw unbound();
        }
        if (request.uri() == null) {
            throw new IllegalArgumentException("A DPoP credential needs the request's URL: give the RequestContext"
                    + " one");
        }
        dpop.verify(proof.proof(), request.method(), request.uri(), proof.token(), boundKey);
        return user;
    }

    /** The refusal of the {@code DPoP} scheme for a credential that is not a DPoP-bound access token. */
    static TokenVerificationException unbound() {
        return new TokenVerificationException(WRONG_SCHEME, "The DPoP authorization scheme needs a DPoP-bound access"
                + " token");
    }

    static List<String> dpopAlgorithmNames() {
        return DpopProofVerifier.ALGORITHMS.stream().map(algorithm -> algorithm.getName()).toList();
    }

    private static boolean isB64Token(String token) {
        int i = 0;
        int end = token.length();
        while (i < end && isTokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < end && token.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}

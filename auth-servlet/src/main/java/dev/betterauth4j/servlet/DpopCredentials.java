package dev.betterauth4j.servlet;

import dev.betterauth4j.core.Credential;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Reads the {@code Authorization} header of a resource server that accepts DPoP-bound access tokens (RFC 9449 §7.1):
 * {@code DPoP <token>} (scheme matched case-insensitively, the token a {@code token68} as for {@code Bearer}) with the
 * request's {@code DPoP} proof header, or {@code Bearer <token>} as {@link BearerTokenParser} reads it. Two
 * {@code DPoP} headers are handed on joined, which no proof is (RFC 9449 §4.3 allows one): the verifier refuses them
 * as {@code invalid_dpop_proof}.
 */
final class DpopCredentials {

    private static final String SCHEME = "dpop";

    private DpopCredentials() {
    }

    static BearerCredentials read(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders("Authorization");
        if (values == null || !values.hasMoreElements()) {
            return BearerCredentials.ABSENT;
        }
        String first = values.nextElement();
        if (values.hasMoreElements()) {
            return BearerCredentials.invalid("The request has more than one Authorization header");
        }
        BearerCredentials dpop = BearerTokenParser.read(first, SCHEME,
                token -> new Credential.DPoP(token, proof(request)));
        return dpop.kind() == BearerCredentials.Kind.ABSENT ? BearerTokenParser.read(first) : dpop;
    }

    /** Whether the request names the DPoP scheme, for the challenge that carries the error. */
    static boolean named(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1);
    }

    private static String proof(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("DPoP");
        List<String> proofs = headers == null ? List.of() : Collections.list(headers);
        return proofs.isEmpty() ? null : String.join(", ", proofs);
    }
}

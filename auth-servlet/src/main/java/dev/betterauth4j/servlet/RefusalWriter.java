package dev.betterauth4j.servlet;

import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * Answers a refused request, in the spirit of Spring Security's {@code BearerTokenAuthenticationEntryPoint}: the
 * status, {@code Cache-Control: no-store}, the RFC 6750 / RFC 9449 challenges ({@code WWW-Authenticate}, see
 * {@link Challenges}) or, for an outage, {@code Retry-After}, and then the body from the application's
 * {@link AuthenticationErrorWriter}.
 *
 * @param realm       the challenge's realm
 * @param retryAfter  the {@code Retry-After} of a 503
 * @param errorWriter writes the body
 * @param metadata    the protected-resource metadata, or null when the verifier accepts no access tokens
 */
record RefusalWriter(String realm, Duration retryAfter, AuthenticationErrorWriter errorWriter,
                     ProtectedResourceMetadata metadata) {

    private static final Logger LOGGER = System.getLogger(BetterAuthFilter.class.getName());

    /**
     * The answer to credentials the verifier refused. Only now are a token's characters checked (see
     * {@link BearerTokenParser}): a token that breaks RFC 6750's syntax is a malformed request, whatever the
     * verifier made of it.
     */
    static AuthenticationFailure refusal(BearerCredentials credentials, TokenVerificationException refused) {
        BearerCredentials checked = credentials.checked();
        if (checked.kind() == BearerCredentials.Kind.INVALID_REQUEST) {
            return invalidRequest(checked.problem());
        }
        Reason reason = refused.reason();
        if (reason.isOutage()) {
            return new AuthenticationFailure(503, null, reason, refused.getMessage(),
                    refused.retryAfter().orElse(null));
        }
        if (reason.isForbidden()) {
            return new AuthenticationFailure(403, reason == Reason.INSUFFICIENT_SCOPE ? "insufficient_scope" : null,
                    reason, refused.getMessage());
        }
        return new AuthenticationFailure(401, reason == Reason.INVALID_DPOP_PROOF ? "invalid_dpop_proof"
                : "invalid_token", reason, refused.getMessage());
    }

    /** A valid credential without every scope the request needs: 403 {@code insufficient_scope} naming them all. */
    static AuthenticationFailure insufficientScope(List<String> missing) {
        return new AuthenticationFailure(403, "insufficient_scope", Reason.INSUFFICIENT_SCOPE, "The access token lacks"
                + " the scope" + (missing.size() == 1 ? " " : "s ") + String.join(" ", missing) + " this request needs",
                null, missing);
    }

    /** Credentials that cannot be read unambiguously: 400 {@code invalid_request}. */
    static AuthenticationFailure invalidRequest(String problem) {
        return new AuthenticationFailure(400, "invalid_request", Reason.MALFORMED, problem);
    }

    /** No credentials at all: 401 with a bare challenge (RFC 6750 §3.1: no error code). */
    static AuthenticationFailure missing() {
        return new AuthenticationFailure(401, null, Reason.MISSING, "A bearer token is required");
    }

    void write(HttpServletRequest request, HttpServletResponse response, AuthenticationFailure failure)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(failure.status());
        response.setHeader("Cache-Control", "no-store");
        if (failure.status() == 503) {
            Duration delay = failure.retryAfter() != null ? failure.retryAfter() : retryAfter;
            response.setHeader("Retry-After", Long.toString(Math.max(1, delay.toSeconds())));
        } else if (failure.status() != 403 || failure.error() != null) {
            List<String> challenges = Challenges.of(realm, failure,
                    metadata != null && DpopCredentials.named(request), metadata == null ? null : metadata.url(request),
                    metadata == null ? List.of() : metadata.resource().dpopAlgorithms());
            response.setHeader("WWW-Authenticate", challenges.get(0));
            challenges.subList(1, challenges.size()).forEach(c -> response.addHeader("WWW-Authenticate", c));
        }
        try {
            errorWriter.write(request, response, failure);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "The authentication error writer failed: " + e.getClass().getName());
        }
    }

    /** RFC 6750 §3: error_description uses %x20-21 / %x23-5B / %x5D-7E only. */
    static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : ' ');
        }
        return safe.toString();
    }
}

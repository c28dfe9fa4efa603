package dev.betterauth4j.servlet;

import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Answers a refused request, in the spirit of Spring Security's {@code BearerTokenAuthenticationEntryPoint}: the
 * status, {@code Cache-Control: no-store}, the RFC 6750 challenge ({@code WWW-Authenticate}) or, for an outage,
 * {@code Retry-After}, and then the body from the application's {@link AuthenticationErrorWriter}.
 *
 * @param realm       the challenge's realm
 * @param retryAfter  the {@code Retry-After} of a 503
 * @param errorWriter writes the body
 */
record RefusalWriter(String realm, Duration retryAfter, AuthenticationErrorWriter errorWriter) {

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
            return new AuthenticationFailure(403, null, reason, refused.getMessage());
        }
        return new AuthenticationFailure(401, "invalid_token", reason, refused.getMessage());
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
            response.setHeader("WWW-Authenticate", challenge(failure));
        }
        try {
            errorWriter.write(request, response, failure);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "The authentication error writer failed: " + e.getClass().getName());
        }
    }

    private String challenge(AuthenticationFailure failure) {
        StringBuilder value = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        if (failure.error() != null) {
            value.append(", error=\"").append(failure.error()).append('"')
                    .append(", error_description=\"").append(headerSafe(failure.description())).append('"');
        }
        return value.toString();
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

package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.servlet.AuthenticationFailure;
import dev.betterauth4j.servlet.BetterAuthRequests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.util.Objects;

/**
 * Answers an unauthenticated request as the library's filter does: 401 with the RFC 6750 challenge
 * ({@code WWW-Authenticate: Bearer realm="api"}, with {@code error="invalid_token"} for a refused credential), 400
 * {@code invalid_request} for unreadable credentials, 503 with {@code Retry-After} when Better Auth or its key set is
 * down; {@code Cache-Control: no-store} and an {@code application/problem+json} body (or the application's
 * {@code AuthenticationErrorWriter}).
 *
 * <p>It reads the library's answer from a {@link BetterAuthAuthenticationException}, or from a
 * {@link TokenVerificationException} anywhere in the exception's causes (so {@code BetterAuthJwtDecoder}'s refusals
 * and outages reach it through Spring Security's resource server); any other exception, such as a request with no
 * credentials reaching a protected path, is answered as missing credentials. On an {@code ERROR} dispatch it writes
 * nothing: that request was answered already (a CSRF refusal, a firewall rejection, a failure of a public handler), and
 * its error page, where the chain authorizes error dispatches, keeps that answer's status instead of becoming a 401.
 */
public final class BetterAuthAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BetterAuthRequests requests;

    /**
     * An entry point.
     *
     * @param requests the filter's request handling, whose realm, retry delay and error writer are used
     */
    public BetterAuthAuthenticationEntryPoint(BetterAuthRequests requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * Answers the request.
     *
     * @param request       the request
     * @param response      its response
     * @param authException why it is not authenticated
     * @throws IOException if the body cannot be written
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page of a request that was already answered (a CSRF refusal, a firewall rejection, a public
            // handler's failure), which a chain that authorizes error dispatches refuses to an anonymous request: keep
            // that answer's status rather than turn it into a 401, as the library's filter passes such error pages.
            return;
        }
        requests.refuse(request, response, failureOf(authException, requests));
    }

    /** The library's answer to an authentication exception. */
    static AuthenticationFailure failureOf(Throwable exception, BetterAuthRequests requests) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BetterAuthAuthenticationException refused) {
                return refused.failure();
            }
            if (cause instanceof TokenVerificationException refused) {
                return requests.refusal(refused);
            }
        }
        return requests.missingCredentials();
    }
}

package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.servlet.AuthenticationFailure;
import dev.betterauth4j.servlet.BetterAuthRequests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

import java.io.IOException;
import java.util.Objects;

/**
 * Answers a forbidden request with 403, {@code Cache-Control: no-store} and an {@code application/problem+json} body
 * (or the application's {@code AuthenticationErrorWriter}):
 * <ul>
 *   <li>a request authenticated by a cookie that changes something from an untrusted origin
 *       ({@link BetterAuthAccessDeniedException}, reason {@code UNTRUSTED_ORIGIN}): no challenge, as the filter
 *       answers it;</li>
 *   <li>an authenticated request that authorization refuses ({@code hasRole}, {@code hasAuthority('SCOPE_...')},
 *       {@code @PreAuthorize}): RFC 6750's {@code insufficient_scope} challenge, reason {@code INSUFFICIENT_SCOPE}, as
 *       Spring Security's resource server answers it.</li>
 * </ul>
 * Any other refusal (a CSRF failure of a request without Better Auth credentials, a user of another mechanism) gets
 * Spring Security's default answer. On an {@code ERROR} dispatch it writes nothing, as
 * {@link BetterAuthAuthenticationEntryPoint} does: the error page of a request answered already keeps that answer.
 */
public final class BetterAuthAccessDeniedHandler implements AccessDeniedHandler {

    static final String INSUFFICIENT = "The request requires higher privileges than the credential provides";

    private final BetterAuthRequests requests;
    private final AccessDeniedHandler others = new AccessDeniedHandlerImpl();
    private SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /**
     * A handler.
     *
     * @param requests the filter's request handling, whose realm and error writer are used
     */
    public BetterAuthAccessDeniedHandler(BetterAuthRequests requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * Answers the request.
     *
     * @param request               the request
     * @param response              its response
     * @param accessDeniedException why it is forbidden
     * @throws IOException      if the body cannot be written
     * @throws ServletException if Spring Security's default answer fails
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page of a request that was already answered: keep that answer's status (see the entry point).
            return;
        }
        if (accessDeniedException instanceof BetterAuthAccessDeniedException forbidden) {
            requests.refuse(request, response, forbidden.failure());
        } else if (contexts.getContext().getAuthentication() instanceof BetterAuthAuthentication) {
            requests.refuse(request, response, new AuthenticationFailure(403, "insufficient_scope",
                    Reason.INSUFFICIENT_SCOPE, INSUFFICIENT));
        } else {
            // Not a Better Auth user (a CSRF failure of a request without credentials, another mechanism's user):
            // Spring Security's own answer.
            others.handle(request, response, accessDeniedException);
        }
    }

    /**
     * The holder of the security context to read the request's authentication from (Spring Security's
     * {@code SecurityContextHolderStrategy} bean, when the application has one).
     *
     * @param contexts the strategy
     */
    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy contexts) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }
}

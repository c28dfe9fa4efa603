package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.servlet.AuthenticationFailure;
import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.servlet.PresentedCredentials;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates a request inside the {@code SecurityFilterChain} with the credentials it presents, the way
 * {@code BetterAuthFilter} reads them: a public path ({@code better.auth.public-paths}, canonical form only) is left
 * alone; a request with no credentials goes on anonymous, for authorization to decide (a protected path then gets the
 * entry point's 401); unreadable credentials get 400; presented credentials are verified by the
 * {@link AuthenticationManager} ({@link BetterAuthAuthenticationProvider}), and the result is the request's
 * {@link BetterAuthAuthentication}, kept for the request only (never in a session), unless it lacks a scope of the
 * {@code better.auth.required-scopes} rules (403 {@code insufficient_scope}); with a verifier that accepts OAuth access
 * tokens, the protected-resource metadata is answered as the filter answers it. A refusal is answered by the
 * entry point (401, 503) or, when the request is forbidden whatever its credential (a cookie from an untrusted origin),
 * by the access-denied handler (403). A request is judged once; a forward or include of an authenticated one is held
 * to the scope rules of its target, as the library's filter holds it. Added to a chain by
 * {@link BetterAuthConfigurer}.
 */
final class BetterAuthAuthenticationFilter implements Filter {

    /**
     * The request attribute that marks a request as judged by this instance (its value): named for the instance, so
     * that each chain's filter judges, and checked by identity.
     */
    private final String judgedAttribute = BetterAuthAuthenticationFilter.class.getName() + ".judged@"
            + Integer.toHexString(System.identityHashCode(this));

    private final AuthenticationManager authenticationManager;
    private final BetterAuthRequests requests;
    private final AuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler accessDeniedHandler;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
    private SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BetterAuthAuthenticationFilter(AuthenticationManager authenticationManager, BetterAuthRequests requests,
                                   AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDeniedHandler) {
        this.authenticationManager = Objects.requireNonNull(authenticationManager, "authenticationManager");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint");
        this.accessDeniedHandler = Objects.requireNonNull(accessDeniedHandler, "accessDeniedHandler");
    }

    void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        this.contexts = Objects.requireNonNull(strategy, "strategy");
    }

    void setSecurityContextRepository(SecurityContextRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * Judges a request once, on its first {@code REQUEST}, {@code FORWARD} or {@code INCLUDE} dispatch through this
     * filter; a later forward or include of a request it authenticated is checked against the scope rules again (the
     * target may ask more, as the library's filter checks it); {@code ASYNC} and {@code ERROR} dispatches pass.
     */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("BetterAuthAuthenticationFilter handles HTTP requests only");
        }
        DispatcherType dispatch = request.getDispatcherType();
        if (dispatch == DispatcherType.ASYNC || dispatch == DispatcherType.ERROR) {
            chain.doFilter(request, response);
        } else if (request.getAttribute(judgedAttribute) != this) {
            request.setAttribute(judgedAttribute, this);
            judge(request, response, chain);
        } else if (contexts.getContext().getAuthentication() instanceof BetterAuthAuthentication authentication) {
            // A forward or include of a request this filter authenticated: its target's scope rules apply too.
            Optional<AuthenticationFailure> lacking = requests.scopeRefusal(request, authentication.user());
            if (lacking.isPresent()) {
                accessDeniedHandler.handle(request, response, new BetterAuthAccessDeniedException(lacking.get()));
                return;
            }
            chain.doFilter(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void judge(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (requests.answerResourceMetadata(request, response)) {
            return;
        }
        if (requests.isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        PresentedCredentials presented = requests.credentials(request);
        if (presented.isAbsent()) {
            chain.doFilter(request, response);
            return;
        }
        if (presented.unreadable().isPresent()) {
            refuse(request, response, new BetterAuthAuthenticationException(presented.unreadable().get(), null));
            return;
        }
        Authentication result;
        try {
            BetterAuthCredentialsToken token = new BetterAuthCredentialsToken(presented);
            token.setDetails(details.buildDetails(request));
            result = authenticationManager.authenticate(token);
        } catch (AuthenticationException e) {
            contexts.clearContext();
            refuse(request, response, e);
            return;
        }
        if (result.getPrincipal() instanceof AuthenticatedUser user) {
            Optional<AuthenticationFailure> lacking = requests.scopeRefusal(request, user);
            if (lacking.isPresent()) {
                accessDeniedHandler.handle(request, response, new BetterAuthAccessDeniedException(lacking.get()));
                return;
            }
            requests.accepted(request, user);
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(result);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException, ServletException {
        if (refused instanceof AuthenticationServiceException) {
            // Not a refusal of the credential: something failed in the manager. Fail as Spring Security does.
            throw refused;
        }
        AuthenticationFailure failure = refused instanceof BetterAuthAuthenticationException better
                ? better.failure() : null;
        if (failure != null && failure.status() == 403) {
            accessDeniedHandler.handle(request, response, new BetterAuthAccessDeniedException(failure));
        } else {
            entryPoint.commence(request, response, refused);
        }
    }
}

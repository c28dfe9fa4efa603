package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link BetterAuthFilter} does with a request apart from deciding it, for a framework that runs its own
 * authentication (the Spring Boot starter's Spring Security configurer): which requests are public, what credentials a
 * request presents, which roles a user has, and how a refusal is answered. It is the filter's own code, configured by
 * the filter's builder, so the framework and the filter read requests and answer refusals alike.
 *
 * <pre>{@code
 * BetterAuthRequests requests = BetterAuthFilter.builder(verifier).publicPaths("/health").buildRequests();
 *
 * if (!requests.isPublic(request)) {
 *     PresentedCredentials presented = requests.credentials(request);
 *     if (presented.unreadable().isPresent()) {
 *         requests.refuse(request, response, presented.unreadable().get());   // 400 invalid_request
 *     } else if (presented.isPresent()) {
 *         try {
 *             AuthenticatedUser user = verifier.verify(presented.credential(), presented.context());
 *             requests.accepted(request, user);
 *         } catch (TokenVerificationException e) {
 *             requests.refuse(request, response, presented.refusal(e));      // 401, 403 or 503
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Verification itself is left to the caller ({@link BetterAuthVerifier#verify(dev.betterauth4j.core.Credential,
 * dev.betterauth4j.core.RequestContext)}); the filter's {@code optional} option has no meaning here, since the framework
 * decides what an anonymous request may do. Instances are immutable and thread-safe.
 */
public final class BetterAuthRequests {

    private final FilterOptions options;

    BetterAuthRequests(FilterOptions options) {
        this.options = options;
    }

    /**
     * The verifier the builder was given.
     *
     * @return the verifier
     */
    public BetterAuthVerifier verifier() {
        return options.verifier();
    }

    /**
     * Whether the request passes without credentials: its raw path is canonical and matches a public path (see
     * docs/servlet.md, "Public paths"). A path that only normalises to a public one ({@code /admin/..;/public/x}) is
     * not public.
     *
     * @param request the request
     * @return {@code true} for a public request
     */
    public boolean isPublic(HttpServletRequest request) {
        return CanonicalPath.of(request).map(options.publicPaths()::matches).orElse(false);
    }

    /**
     * The credentials the request presents: the {@code Authorization} header, else Better Auth's session cookie (with
     * its cookie cache), else the application's token cookie; never the query string.
     *
     * @param request the request
     * @return what it presents: nothing, one credential, or something unreadable
     */
    public PresentedCredentials credentials(HttpServletRequest request) {
        return new PresentedCredentials(options.credentials().resolve(request), request, options.publicUrl());
    }

    /**
     * The refusal of a request that presents no credentials and needs some: 401 with a bare challenge.
     *
     * @return the failure, reason {@code MISSING}
     */
    public AuthenticationFailure missingCredentials() {
        return RefusalWriter.missing();
    }

    /**
     * The answer to a credential the verifier refused, when the credential's syntax was already checked (a bearer token
     * that another framework's resolver read, such as Spring Security's): 401 {@code invalid_token}, 403 for a forbidden
     * request, 503 for an outage.
     *
     * @param refused the verifier's refusal
     * @return the failure to answer with
     */
    public AuthenticationFailure refusal(TokenVerificationException refused) {
        return RefusalWriter.refusal(BearerCredentials.token(null), refused);
    }

    /**
     * The refusal of an authenticated request that lacks a scope the filter's {@code requiredScopes} rules ask of it:
     * 403 {@code insufficient_scope} naming every missing scope.
     *
     * @param request the request
     * @param user    its verified user
     * @return the failure, or empty when the rules ask nothing the user lacks (or there are no rules)
     */
    public Optional<AuthenticationFailure> scopeRefusal(HttpServletRequest request, AuthenticatedUser user) {
        List<String> missing = options.scopes().missing(request.getMethod(), CanonicalPath.of(request), user);
        return missing.isEmpty() ? Optional.empty() : Optional.of(RefusalWriter.insufficientScope(missing));
    }

    /**
     * Answers a request for the protected-resource metadata (RFC 9728, {@code /.well-known/oauth-protected-resource}
     * of the verifier's resource) when the verifier accepts OAuth access tokens, as the filter does.
     *
     * @param request  the request
     * @param response its response
     * @return {@code true} if the request asked for the metadata and it was written; {@code false} otherwise, with
     *         nothing written
     * @throws IOException if the metadata cannot be written
     */
    public boolean answerResourceMetadata(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (options.metadata() == null || !options.metadata().asks(request)) {
            return false;
        }
        options.metadata().write(response);
        return true;
    }

    /**
     * The roles a user's role claim names ({@code roleClaim}, Better Auth's {@code role} by default: a comma-separated
     * string or an array of strings), as the filter's {@code isUserInRole} reads them.
     *
     * @param user the user
     * @return the roles, unmodifiable
     */
    public Set<String> roles(AuthenticatedUser user) {
        return options.roles().rolesOf(user);
    }

    /**
     * Tells the application's {@link AuthenticationListener} that a request was authenticated.
     *
     * @param request the request
     * @param user    the verified user
     */
    public void accepted(HttpServletRequest request, AuthenticatedUser user) {
        options.listener().success(user, BetterAuthFilter.pathWithinApplication(request));
    }

    /**
     * Answers a refused request as the filter does: status, {@code Cache-Control: no-store}, the RFC 6750 challenge
     * (400, 401) or {@code Retry-After} (503), and the body from the {@code errorWriter}; and tells the application's
     * {@link AuthenticationListener}. Does nothing to a response already committed.
     *
     * @param request  the request
     * @param response its response
     * @param failure  why it is refused
     * @throws IOException if the body cannot be written
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationFailure failure)
            throws IOException {
        options.listener().failure(failure.reason(), BetterAuthFilter.pathWithinApplication(request));
        options.refusals().write(request, response, failure);
    }

    @Override
    public String toString() {
        return options.toString().replaceFirst("^BetterAuthFilter", "BetterAuthRequests");
    }
}

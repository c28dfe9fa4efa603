package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.RequestContext;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.core.settings.Setting;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates requests with Better Auth tokens: the one place where a request's identity is established.
 *
 * <p>For each request it reads {@code Authorization: Bearer <token>} (RFC 6750; optionally a cookie, never the
 * query string), verifies the token with a {@link BetterAuthVerifier}, and passes the request on with the
 * {@link AuthenticatedUser} as the request attribute {@link #USER_ATTRIBUTE} and a request wrapper whose
 * {@code getUserPrincipal()} (name = user id), {@code getRemoteUser()}, {@code getAuthType()} ({@code Bearer})
 * and {@code isUserInRole(role)} (from the {@code role} claim) tell the truth. Otherwise it answers itself:
 * <ul>
 *   <li>no token: 401, {@code WWW-Authenticate: Bearer realm="api"};</li>
 *   <li>unusable credentials (two {@code Authorization} headers, an empty token, bad token syntax): 400,
 *       {@code error="invalid_request"};</li>
 *   <li>invalid token: 401, {@code error="invalid_token", error_description="..."};</li>
 *   <li>key source down and nothing cached: 503 with {@code Retry-After};</li>
 *   <li>with a verifier that accepts OAuth access tokens: a credential without a scope the {@code requiredScopes}
 *       rules ask for, 403 {@code error="insufficient_scope"} naming every missing one; a refused DPoP proof, 401
 *       {@code error="invalid_dpop_proof"} in a {@code DPoP} challenge; and the RFC 9728 metadata served at
 *       {@code /.well-known/oauth-protected-resource} (see docs/oauth.md);</li>
 * </ul>
 * each with an {@code application/problem+json} body from the {@link AuthenticationErrorWriter}. A request to a
 * public path passes without a token, but only when its raw URI is already canonical (see {@link CanonicalPath}): a
 * path that merely normalises to a public one is protected. Nothing else lets a request pass unauthenticated, not
 * its method or its headers: CORS preflights are answered by a CORS handler in front of the filter. In optional
 * mode a request without a token passes as anonymous (an invalid token is still refused).
 *
 * <p>Set up in code:
 * <pre>{@code
 * Filter filter = BetterAuthFilter.builder(BetterAuthVerifier.fromEnvironment())
 *         .publicPaths("/health", "/public/*")
 *         .build();
 * }</pre>
 * or in {@code web.xml} with the no-argument constructor and init parameters: the verifier's
 * {@code BETTER_AUTH_*} settings (read by {@link BetterAuthVerifier#fromProperties}) and the filter options, named
 * as the builder names them: {@code publicPaths}, {@code optional}, {@code cookie}, {@code realm},
 * {@code roleClaim}, {@code retryAfter}, {@code errorWriter}, {@code listener}, {@code requiredScopes},
 * {@code publicUrl}. Map it to the {@code REQUEST},
 * {@code ASYNC} and {@code ERROR} dispatcher types (and {@code FORWARD}, {@code INCLUDE} if the application
 * dispatches to protected paths): a re-dispatch reuses the decision this same filter instance made for the request
 * (a forward or include from a public path is judged by its new path), never another instance's.
 *
 * <p>In a servlet:
 * <pre>{@code
 * AuthenticatedUser user = BetterAuthFilter.requireUser(request);
 * }</pre>
 */
public final class BetterAuthFilter implements Filter {

    /** The request attribute that holds the {@link AuthenticatedUser} of an authenticated request. */
    public static final String USER_ATTRIBUTE = AuthenticatedUser.class.getName();

    private static final Logger LOGGER = System.getLogger(BetterAuthFilter.class.getName());

    /** Where this instance keeps its decision for a request; unique per instance, see {@link Decision}. */
    private final String decisionAttribute = BetterAuthFilter.class.getName() + ".decision@"
            + Integer.toHexString(System.identityHashCode(this));
    private FilterOptions options;
    private boolean ownsVerifier;

    /**
     * For {@code web.xml} and {@code ServletContext.addFilter(name, BetterAuthFilter.class)}: everything is read
     * from the init parameters in {@link #init(FilterConfig)}.
     */
    public BetterAuthFilter() {
    }

    BetterAuthFilter(FilterOptions options) {
        this.options = options;
    }

    /**
     * Starts a builder for a filter around {@code verifier}. With no other option: every path needs a token, no
     * cookie, realm {@code api}, roles from the {@code role} claim, problem+json errors.
     *
     * @param verifier the verifier; the caller keeps ownership (the filter does not close it)
     * @return a builder
     */
    public static BetterAuthFilterBuilder builder(BetterAuthVerifier verifier) {
        return new BetterAuthFilterBuilder(Objects.requireNonNull(verifier, "verifier"));
    }

    /**
     * The filter's configuration table: every option of {@link BetterAuthFilterBuilder} with its init parameter name, type, default,
     * bounds and meaning, in the order docs/servlet.md lists them. For frameworks that bind the options from their own
     * configuration (the Spring Boot starter maps each to a {@code better.auth.*} property) and check that none is left
     * out; {@link dev.betterauth4j.core.settings.SettingsReader#read} gives texts to a {@link BetterAuthFilterBuilder} through it.
     *
     * @return the table, unmodifiable
     */
    public static List<Setting<BetterAuthFilterBuilder, ?>> settings() {
        return FilterSettings.TABLE;
    }

    /**
     * Returns the user the filter authenticated for this request.
     *
     * @param request a request that went through the filter
     * @return the user, or empty for a public path, an anonymous request in optional mode, or a request the
     *         filter did not see
     */
    public static Optional<AuthenticatedUser> currentUser(ServletRequest request) {
        return request.getAttribute(USER_ATTRIBUTE) instanceof AuthenticatedUser user ? Optional.of(user)
                : Optional.empty();
    }

    /**
     * Returns the user the filter authenticated for this request, or throws.
     *
     * @param request a request that went through the filter
     * @return the user
     * @throws IllegalStateException if the request is not authenticated (a public path, optional mode without a
     *                               token, or the filter is not installed in front of this servlet)
     */
    public static AuthenticatedUser requireUser(ServletRequest request) {
        return currentUser(request).orElseThrow(() -> new IllegalStateException(
                "No authenticated Better Auth user on this request: is BetterAuthFilter mapped to this path,"
                        + " and is the path neither public nor served in optional mode?"));
    }

    /**
     * Reads the configuration from the init parameters, unless the filter was built in code.
     *
     * @throws ServletException if a parameter is missing, unknown or invalid; the message names it
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (options != null) {
            return;
        }
        try {
            this.options = FilterInitParameters.read(config);
            this.ownsVerifier = true;
            LOGGER.log(Level.INFO, () -> "BetterAuthFilter '" + config.getFilterName() + "' ready: " + options);
        } catch (IllegalArgumentException e) {
            throw new ServletException("BetterAuthFilter '" + config.getFilterName() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("BetterAuthFilter handles HTTP requests only");
        }
        if (options == null) {
            throw new ServletException("BetterAuthFilter was not initialised");
        }
        DispatcherType dispatch = request.getDispatcherType();
        // A re-dispatch of a request this very instance judged reuses its judgement; another instance's (another
        // audience, another mode) is never trusted, and a first dispatch is always judged afresh.
        Decision earlier = dispatch == DispatcherType.REQUEST ? null : earlierDecision(request);
        if (earlier != null && earlier.user() != null) {
            List<String> missing = dispatch == DispatcherType.FORWARD || dispatch == DispatcherType.INCLUDE
                    ? missingScopes(request, earlier.user()) : List.of();
            if (!missing.isEmpty()) {
                refuse(request, response, pathWithinApplication(request), RefusalWriter.insufficientScope(missing));
                return;
            }
            chain.doFilter(wrap(request, earlier.user()), response);
            return;
        }
        if (earlier != null && (earlier.anonymous() || dispatch == DispatcherType.ASYNC
                || dispatch == DispatcherType.ERROR)) {
            // The same request again: an async continuation or the error page of a request this instance passed.
            chain.doFilter(request, response);
            return;
        }
        if (earlier == null && dispatch == DispatcherType.ERROR) {
            // The error page of a request this filter never passed (a container 404, another filter's error).
            chain.doFilter(request, response);
            return;
        }
        String path = pathWithinApplication(request);
        if (dispatch == DispatcherType.REQUEST && options.metadata() != null && options.metadata().asks(request)) {
            options.metadata().write(response);
            return;
        }
        if (CanonicalPath.of(request).map(options.publicPaths()::matches).orElse(false)) {
            remember(request, Decision.PUBLIC);
            chain.doFilter(request, response);
            return;
        }
        BearerCredentials credentials = options.credentials().resolve(request);
        switch (credentials.kind()) {
            case INVALID_REQUEST -> refuse(request, response, path,
                    RefusalWriter.invalidRequest(credentials.problem()));
            case ABSENT -> {
                if (options.optional()) {
                    remember(request, Decision.ANONYMOUS);
                    chain.doFilter(request, response);
                } else {
                    refuse(request, response, path, RefusalWriter.missing());
                }
            }
            case TOKEN -> authenticate(request, response, chain, path, credentials);
            default -> throw new IllegalStateException("Unexpected credentials " + credentials.kind());
        }
    }

    /**
     * What this instance decided for a request: passed as public, passed as anonymous (optional mode), or
     * authenticated as {@code user}. Kept under a request attribute named for the instance and holding it, so a
     * re-dispatch finds only its own instance's decision.
     */
    private record Decision(BetterAuthFilter filter, AuthenticatedUser user, boolean anonymous) {
        static final Decision PUBLIC = new Decision(null, null, false);
        static final Decision ANONYMOUS = new Decision(null, null, true);
    }

    private Decision earlierDecision(HttpServletRequest request) {
        return request.getAttribute(decisionAttribute) instanceof Decision decision && decision.filter() == this
                ? decision : null;
    }

    private void remember(HttpServletRequest request, Decision decision) {
        request.setAttribute(decisionAttribute, new Decision(this, decision.user(), decision.anonymous()));
    }

    private void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                              String path, BearerCredentials credentials) throws IOException, ServletException {
        AuthenticatedUser user;
        try {
            user = options.verifier().verify(credentials.credential(), requestContext(request, credentials,
                    options.publicUrl()));
        } catch (TokenVerificationException e) {
            refuse(request, response, path, RefusalWriter.refusal(credentials, e));
            return;
        } catch (RuntimeException e) {
            // Not expected from the verifier; fail closed without revealing anything.
            LOGGER.log(Level.ERROR, () -> "Token verification failed unexpectedly: " + e.getClass().getName());
            refuse(request, response, path, RefusalWriter.refusal(credentials,
                    new TokenVerificationException(Reason.MALFORMED, "The token could not be verified")));
            return;
        }
        List<String> missing = missingScopes(request, user);
        if (!missing.isEmpty()) {
            refuse(request, response, path, RefusalWriter.insufficientScope(missing));
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        remember(request, new Decision(this, user, false));
        options.listener().success(user, path);
        chain.doFilter(wrap(request, user), response);
    }

    /**
     * What the request says about itself, for the verifier: its method, {@code Origin} and {@code Referer}, and for a
     * DPoP credential the URL the client called (behind a proxy, under the {@code publicUrl}).
     */
    static RequestContext requestContext(HttpServletRequest request, BearerCredentials credentials,
                                         PublicUrl publicUrl) {
        return new RequestContext(request.getMethod(), request.getHeader("Origin"), request.getHeader("Referer"),
                credentials.credential() instanceof Credential.DPoP ? publicUrl.of(request) : null);
    }

    /** The scopes the rules ask of this request that the user's credential lacks. */
    private List<String> missingScopes(HttpServletRequest request, AuthenticatedUser user) {
        return options.scopes().missing(request.getMethod(), CanonicalPath.of(request), user);
    }

    private HttpServletRequest wrap(HttpServletRequest request, AuthenticatedUser user) {
        return new AuthenticatedRequest(request, user, options.roles()::rolesOf);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path,
                        AuthenticationFailure failure) throws IOException {
        options.listener().failure(failure.reason(), path);
        options.refusals().write(request, response, failure);
    }

    /** The container's decoded and normalised path within the application, never the raw request URI. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** Closes the verifier if this filter created it from init parameters. */
    @Override
    public void destroy() {
        if (ownsVerifier && options != null) {
            options.verifier().close();
        }
    }

    @Override
    public String toString() {
        return options == null ? "BetterAuthFilter[not initialised]" : options.toString();
    }
}

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

    private BetterAuthFilter(FilterOptions options) {
        this.options = options;
    }

    /**
     * Starts a builder for a filter around {@code verifier}. With no other option: every path needs a token, no
     * cookie, realm {@code api}, roles from the {@code role} claim, problem+json errors.
     *
     * @param verifier the verifier; the caller keeps ownership (the filter does not close it)
     * @return a builder
     */
    public static Builder builder(BetterAuthVerifier verifier) {
        return new Builder(Objects.requireNonNull(verifier, "verifier"));
    }

    /**
     * The filter's configuration table: every option of {@link Builder} with its init parameter name, type, default,
     * bounds and meaning, in the order docs/servlet.md lists them. For frameworks that bind the options from their own
     * configuration (the Spring Boot starter maps each to a {@code better.auth.*} property) and check that none is left
     * out; {@link dev.betterauth4j.core.settings.SettingsReader#read} gives texts to a {@link Builder} through it.
     *
     * @return the table, unmodifiable
     */
    public static List<Setting<Builder, ?>> settings() {
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

    /**
     * Configures a {@link BetterAuthFilter}. Each option is checked by {@link #build()}; docs/servlet.md lists them
     * with their init parameter names, defaults and bounds.
     */
    public static final class Builder {

        final BetterAuthVerifier verifier;
        final List<String> publicPaths = new ArrayList<>();
        boolean optional = FilterSettings.OPTIONAL.defaultValue();
        String cookieName;
        String realm = FilterSettings.REALM.defaultValue();
        String roleClaim = FilterSettings.ROLE_CLAIM.defaultValue();
        Duration retryAfter = FilterSettings.RETRY_AFTER.defaultValue();
        AuthenticationErrorWriter errorWriter = AuthenticationErrorWriter.problemJson();
        AuthenticationListener listener = new AuthenticationListener() { };
        final List<String> requiredScopes = new ArrayList<>();
        URI publicUrl;

        private Builder(BetterAuthVerifier verifier) {
            this.verifier = verifier;
        }

        /**
         * Paths that pass without a token: exact ({@code /health}) or prefix ({@code /public/*}), within the
         * application (without the context path), matched only against a canonical request path.
         *
         * @param patterns the patterns
         * @return this builder
         */
        public Builder publicPaths(String... patterns) {
            publicPaths.addAll(Arrays.asList(patterns));
            return this;
        }

        /**
         * Optional mode: a request without a token passes as anonymous; an invalid token is still refused. Off by
         * default.
         *
         * @param optional whether a token is optional
         * @return this builder
         */
        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        /**
         * Also read the token from this cookie when there is no {@code Authorization} header. Off by default.
         * Better Auth's own cookies are not bearer tokens: use a cookie your front end sets with the JWT.
         *
         * @param name the cookie name
         * @return this builder
         */
        public Builder cookie(String name) {
            this.cookieName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The realm in {@code WWW-Authenticate}. Default {@code api}.
         *
         * @param realm printable ASCII without quotes or backslashes
         * @return this builder
         */
        public Builder realm(String realm) {
            this.realm = Objects.requireNonNull(realm, "realm");
            return this;
        }

        /**
         * The claim {@code isUserInRole} reads. Default {@code role}, Better Auth's admin plugin field, which may
         * hold several comma-separated roles; an array of strings works too.
         *
         * @param claim the claim name
         * @return this builder
         */
        public Builder roleClaim(String claim) {
            this.roleClaim = Objects.requireNonNull(claim, "claim");
            return this;
        }

        /**
         * The {@code Retry-After} of a 503. Default 10 s.
         *
         * @param retryAfter whole seconds, 1 s to 1 h
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /**
         * Writes the body of 400, 401 and 503 answers. Default: {@link AuthenticationErrorWriter#problemJson()}.
         *
         * @param errorWriter the writer
         * @return this builder
         */
        public Builder errorWriter(AuthenticationErrorWriter errorWriter) {
            this.errorWriter = Objects.requireNonNull(errorWriter, "errorWriter");
            return this;
        }

        /**
         * Hears every success and failure.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(AuthenticationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The OAuth scopes requests need, as rules {@code METHODS PATH SCOPE...}: {@code GET /api/** tasks:read},
         * {@code * /api/** tasks:write}. The first rule that matches a request's method and path decides; a request
         * without every scope it names gets {@code 403 insufficient_scope} naming the missing ones. Needs a verifier
         * that accepts OAuth access tokens; see docs/oauth.md.
         *
         * @param rules the rules, in order
         * @return this builder
         */
        public Builder requiredScopes(String... rules) {
            requiredScopes.addAll(Arrays.asList(rules));
            return this;
        }

        /**
         * The application's root as clients reach it, behind a proxy that changes the scheme, host, port or path
         * prefix: DPoP proofs name the URL the client called. Default: the request's own URL.
         *
         * @param url an absolute http(s) URL such as {@code https://api.example.com}
         * @return this builder
         */
        public Builder publicUrl(URI url) {
            this.publicUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return the filter
         * @throws IllegalArgumentException if an option is invalid; the message names it
         */
        public BetterAuthFilter build() {
            return new BetterAuthFilter(options());
        }

        /**
         * Builds, instead of a filter, the filter's reading of requests and answering of refusals, for a framework that
         * runs its own authentication (the Spring Boot starter's Spring Security configurer).
         *
         * @return the filter's request handling with these options
         * @throws IllegalArgumentException if an option is invalid; the message names it
         */
        public BetterAuthRequests buildRequests() {
            return new BetterAuthRequests(options());
        }

        FilterOptions options() {
            return FilterSettings.validate(this);
        }
    }
}

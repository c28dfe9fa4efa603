package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * {@code BETTER_AUTH_*} settings (read by {@link BetterAuthVerifier#fromProperties}) and the filter options
 * {@code publicPaths}, {@code optional}, {@code cookieName}, {@code realm}, {@code roleClaim},
 * {@code retryAfterSeconds}, {@code errorWriterClass}, {@code listenerClass}. Map it to the {@code REQUEST},
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
    private Settings settings;
    private boolean ownsVerifier;

    /**
     * For {@code web.xml} and {@code ServletContext.addFilter(name, BetterAuthFilter.class)}: everything is read
     * from the init parameters in {@link #init(FilterConfig)}.
     */
    public BetterAuthFilter() {
    }

    /**
     * A filter with default options around {@code verifier}: every path needs a token, no cookie, realm
     * {@code api}, roles from the {@code role} claim, problem+json errors.
     *
     * @param verifier the verifier; the caller keeps ownership (the filter does not close it)
     */
    public BetterAuthFilter(BetterAuthVerifier verifier) {
        this(builder(verifier).settings());
    }

    private BetterAuthFilter(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts a builder for a filter around {@code verifier}.
     *
     * @param verifier the verifier; the caller keeps ownership (the filter does not close it)
     * @return a builder
     */
    public static Builder builder(BetterAuthVerifier verifier) {
        return new Builder(Objects.requireNonNull(verifier, "verifier"));
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
        if (settings != null) {
            return;
        }
        try {
            FilterInitParameters parameters = FilterInitParameters.read(config);
            BetterAuthVerifier verifier = BetterAuthVerifier.fromProperties(parameters.verifierSettings());
            this.settings = parameters.apply(builder(verifier)).settings();
            this.ownsVerifier = true;
            LOGGER.log(Level.INFO, () -> "BetterAuthFilter '" + config.getFilterName() + "' ready: " + verifier
                    + ", public paths " + settings.publicPaths + (settings.optional ? ", optional" : ""));
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
        if (settings == null) {
            throw new ServletException("BetterAuthFilter was not initialised");
        }
        DispatcherType dispatch = request.getDispatcherType();
        // A re-dispatch of a request this very instance judged reuses its judgement; another instance's (another
        // audience, another mode) is never trusted, and a first dispatch is always judged afresh.
        Decision earlier = dispatch == DispatcherType.REQUEST ? null : earlierDecision(request);
        if (earlier != null && earlier.user() != null) {
            chain.doFilter(wrap(request, earlier.user()), response);
            return;
        }
        if (earlier != null && (earlier.anonymous() || dispatch == DispatcherType.ASYNC)) {
            chain.doFilter(request, response);
            return;
        }
        if (earlier == null && dispatch == DispatcherType.ERROR) {
            // The error page of a request this filter never passed (a container 404, another filter's error).
            chain.doFilter(request, response);
            return;
        }
        String path = pathWithinApplication(request);
        if (CanonicalPath.of(request).map(settings.publicPaths::matches).orElse(false)) {
            remember(request, Decision.PUBLIC);
            chain.doFilter(request, response);
            return;
        }
        BearerCredentials credentials = credentials(request);
        switch (credentials.kind()) {
            case INVALID_REQUEST -> refuse(request, response, path,
                    new AuthenticationFailure(400, "invalid_request", Reason.MALFORMED, credentials.problem()));
            case ABSENT -> {
                if (settings.optional) {
                    remember(request, Decision.ANONYMOUS);
                    chain.doFilter(request, response);
                } else {
                    refuse(request, response, path,
                            new AuthenticationFailure(401, null, Reason.MISSING, "A bearer token is required"));
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
            user = settings.verifier.verify(credentials.token());
        } catch (TokenVerificationException e) {
            refuse(request, response, path, refusal(credentials, e.reason(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // Not expected from the verifier; fail closed without revealing anything.
            LOGGER.log(Level.ERROR, () -> "Token verification failed unexpectedly: " + e.getClass().getName());
            refuse(request, response, path,
                    refusal(credentials, Reason.MALFORMED, "The token could not be verified"));
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        remember(request, new Decision(this, user, false));
        notifySuccess(user, path);
        chain.doFilter(wrap(request, user), response);
    }

    /**
     * The answer to a token the verifier refused. Only now are the token's characters checked (see
     * {@link BearerTokenParser}): a token that breaks RFC 6750's syntax is a malformed request, whatever the
     * verifier made of it.
     */
    private static AuthenticationFailure refusal(BearerCredentials credentials, Reason reason, String message) {
        BearerCredentials checked = credentials.checked();
        if (checked.kind() == BearerCredentials.Kind.INVALID_REQUEST) {
            return new AuthenticationFailure(400, "invalid_request", Reason.MALFORMED, checked.problem());
        }
        if (reason.isOutage()) {
            return new AuthenticationFailure(503, null, reason, message);
        }
        return new AuthenticationFailure(401, "invalid_token", reason, message);
    }

    private BearerCredentials credentials(HttpServletRequest request) {
        BearerCredentials fromHeader = BearerTokenParser.read(request.getHeaders("Authorization"));
        if (fromHeader.kind() != BearerCredentials.Kind.ABSENT || settings.cookieName == null) {
            return fromHeader;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return BearerCredentials.ABSENT;
        }
        List<String> values = new ArrayList<>(1);
        for (Cookie cookie : cookies) {
            if (settings.cookieName.equals(cookie.getName())) {
                values.add(cookie.getValue());
            }
        }
        if (values.isEmpty()) {
            return BearerCredentials.ABSENT;
        }
        if (values.size() > 1) {
            return BearerCredentials.invalid("The request has more than one token cookie");
        }
        return BearerTokenParser.readCookieValue(values.get(0));
    }

    private HttpServletRequest wrap(HttpServletRequest request, AuthenticatedUser user) {
        return new AuthenticatedRequest(request, user, this::roles);
    }

    private Set<String> roles(AuthenticatedUser user) {
        Object claim = user.claims().get(settings.roleClaim);
        Set<String> roles = new LinkedHashSet<>();
        if (claim instanceof String text) {
            for (String role : text.split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                if (value instanceof String role && !role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        }
        return roles;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path,
                        AuthenticationFailure failure) throws IOException {
        notifyFailure(failure.reason(), path);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(failure.status());
        response.setHeader("Cache-Control", "no-store");
        if (failure.status() == 503) {
            response.setHeader("Retry-After", Long.toString(settings.retryAfter.toSeconds()));
        } else {
            response.setHeader("WWW-Authenticate", challenge(failure));
        }
        try {
            settings.errorWriter.write(request, response, failure);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "The authentication error writer failed: " + e.getClass().getName());
        }
    }

    private String challenge(AuthenticationFailure failure) {
        StringBuilder value = new StringBuilder("Bearer realm=\"").append(settings.realm).append('"');
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

    /** The container's decoded and normalised path within the application, never the raw request URI. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    private void notifySuccess(AuthenticatedUser user, String path) {
        try {
            settings.listener.onSuccess(user, path);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "AuthenticationListener.onSuccess failed: " + e.getClass().getName());
        }
    }

    private void notifyFailure(Reason reason, String path) {
        try {
            settings.listener.onFailure(reason, path);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, () -> "AuthenticationListener.onFailure failed: " + e.getClass().getName());
        }
    }

    /** Closes the verifier if this filter created it from init parameters. */
    @Override
    public void destroy() {
        if (ownsVerifier && settings != null) {
            settings.verifier.close();
        }
    }

    @Override
    public String toString() {
        return settings == null ? "BetterAuthFilter[not initialised]"
                : "BetterAuthFilter[" + settings.verifier + ", publicPaths=" + settings.publicPaths
                + ", optional=" + settings.optional + ", cookie=" + settings.cookieName + ", realm=" + settings.realm
                + "]";
    }

    /** The filter's options, fixed once built. */
    private record Settings(BetterAuthVerifier verifier, PublicPaths publicPaths, boolean optional, String cookieName,
                            String realm, String roleClaim, Duration retryAfter, AuthenticationErrorWriter errorWriter,
                            AuthenticationListener listener) {
    }

    /**
     * Configures a {@link BetterAuthFilter}. Each option is checked by {@link #build()}.
     */
    public static final class Builder {

        private final BetterAuthVerifier verifier;
        private final List<String> publicPaths = new ArrayList<>();
        private boolean optional;
        private String cookieName;
        private String realm = "api";
        private String roleClaim = "role";
        private Duration retryAfter = Duration.ofSeconds(10);
        private AuthenticationErrorWriter errorWriter = AuthenticationErrorWriter.problemJson();
        private AuthenticationListener listener = new AuthenticationListener() { };

        private Builder(BetterAuthVerifier verifier) {
            this.verifier = verifier;
        }

        /**
         * Paths that pass without a token: exact ({@code /health}) or prefix ({@code /public/*}), within the
         * application (without the context path). Init parameter {@code publicPaths}, comma-separated.
         *
         * @param patterns the patterns
         * @return this builder
         */
        public Builder publicPaths(String... patterns) {
            publicPaths.addAll(Arrays.asList(patterns));
            return this;
        }

        /**
         * Optional mode (init parameter {@code optional}): a request without a token passes as anonymous; an
         * invalid token is still refused. Off by default.
         *
         * @param optional whether a token is optional
         * @return this builder
         */
        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        /**
         * Also read the token from this cookie when there is no {@code Authorization} header (init parameter
         * {@code cookieName}). Off by default. Better Auth's own cookies are not bearer tokens: use a cookie your
         * front end sets with the JWT.
         *
         * @param name the cookie name
         * @return this builder
         */
        public Builder cookie(String name) {
            this.cookieName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The realm in {@code WWW-Authenticate} (init parameter {@code realm}). Default {@code api}.
         *
         * @param realm printable ASCII without quotes or backslashes
         * @return this builder
         */
        public Builder realm(String realm) {
            this.realm = Objects.requireNonNull(realm, "realm");
            return this;
        }

        /**
         * The claim {@code isUserInRole} reads (init parameter {@code roleClaim}). Default {@code role}, Better
         * Auth's admin plugin field, which may hold several comma-separated roles; an array of strings works too.
         *
         * @param claim the claim name
         * @return this builder
         */
        public Builder roleClaim(String claim) {
            this.roleClaim = Objects.requireNonNull(claim, "claim");
            return this;
        }

        /**
         * The {@code Retry-After} of a 503 (init parameter {@code retryAfterSeconds}). Default 10 s.
         *
         * @param retryAfter whole seconds, 1 s to 1 h
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /**
         * Writes the body of 400, 401 and 503 answers (init parameter {@code errorWriterClass}). Default:
         * {@link AuthenticationErrorWriter#problemJson()}.
         *
         * @param errorWriter the writer
         * @return this builder
         */
        public Builder errorWriter(AuthenticationErrorWriter errorWriter) {
            this.errorWriter = Objects.requireNonNull(errorWriter, "errorWriter");
            return this;
        }

        /**
         * Hears every success and failure (init parameter {@code listenerClass}).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(AuthenticationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return the filter
         * @throws IllegalArgumentException if an option is invalid; the message names it
         */
        public BetterAuthFilter build() {
            return new BetterAuthFilter(settings());
        }

        private Settings settings() {
            PublicPaths paths = new PublicPaths(publicPaths);
            if (realm.isEmpty() || !headerSafe(realm).equals(realm)) {
                throw new IllegalArgumentException("realm: must be printable ASCII without quotes or backslashes");
            }
            if (cookieName != null && (cookieName.isBlank() || !cookieName.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+"))) {
                throw new IllegalArgumentException("cookieName: '" + cookieName + "' is not a valid cookie name");
            }
            if (roleClaim.isBlank()) {
                throw new IllegalArgumentException("roleClaim: must not be blank");
            }
            if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("retryAfterSeconds: must be between 1 and 3600, was "
                        + retryAfter.toSeconds());
            }
            return new Settings(verifier, paths, optional, cookieName, realm, roleClaim, retryAfter, errorWriter,
                    listener);
        }
    }
}

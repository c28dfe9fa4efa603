package dev.betterauth4j.spring.security;

import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.servlet.PresentedCredentials;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Authenticates requests with Better Auth credentials inside a {@code SecurityFilterChain}:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http, BetterAuthRequests betterAuth) throws Exception {
 *     http.authorizeHttpRequests(requests -> requests
 *                     .requestMatchers(betterAuth::isPublic).permitAll()
 *                     .requestMatchers("/admin/**").hasRole("admin")
 *                     .anyRequest().authenticated())
 *             .with(BetterAuthConfigurer.betterAuth(), Customizer.withDefaults());
 *     return http.build();
 * }
 * }</pre>
 *
 * <p>What it does to the chain:
 * <ul>
 *   <li>adds {@link BetterAuthAuthenticationFilter} where Spring's bearer-token filter goes: credentials from the
 *       {@code Authorization} header or Better Auth's session cookie (see {@link BetterAuthRequests}), verified by the
 *       {@code BetterAuthVerifier}, become a {@link BetterAuthAuthentication} with {@code ROLE_} and {@code SCOPE_}
 *       authorities;</li>
 *   <li>keeps no session for Better Auth credentials: the verified authentication lives for the request only, and
 *       a refused request is not saved in a session to replay after a login (unless {@link #stateless(boolean)
 *       stateless(false)}, for a chain that also signs users in with a login page); give the chain
 *       {@code sessionCreationPolicy(STATELESS)} to keep every other part of it from making sessions, as the
 *       starter's own chain does;</li>
 *   <li>exempts from CSRF tokens the requests whose credentials need none: a bearer credential (no browser sends one by
 *       itself), and Better Auth's cookie on a protected path, where the verifier refuses a request that changes
 *       something from an untrusted origin (403, {@code UNTRUSTED_ORIGIN}, through the access-denied handler): Better
 *       Auth's own defence against cross-site requests. Every other request keeps Spring's CSRF protection;</li>
 *   <li>registers {@link BetterAuthAuthenticationEntryPoint} (401, 400, 503) and {@link BetterAuthAccessDeniedHandler}
 *       (403) as the defaults for requests that are not a browser asking for HTML (another mechanism, such as a login
 *       page, keeps those).</li>
 * </ul>
 * It adds no basic authentication and no login page. Public paths ({@code better.auth.public-paths}) are left alone by
 * the filter; let them through in {@code authorizeHttpRequests} with {@code BetterAuthRequests::isPublic}. The starter
 * applies this configurer to the chain it provides when the application defines none.
 */
public final class BetterAuthConfigurer extends AbstractHttpConfigurer<BetterAuthConfigurer, HttpSecurity> {

    private BetterAuthRequests requests;
    private AuthenticationManager authenticationManager;
    private AuthenticationEntryPoint entryPoint;
    private AccessDeniedHandler accessDeniedHandler;
    private boolean stateless = true;

    private BetterAuthConfigurer() {
    }

    /**
     * A configurer that takes the starter's beans ({@link BetterAuthRequests}, the entry point, the access-denied
     * handler, {@link BetterAuthAuthenticationManagerResolver}) from the application context, unless given others.
     *
     * @return a new configurer
     */
    public static BetterAuthConfigurer betterAuth() {
        return new BetterAuthConfigurer();
    }

    /**
     * The filter's request handling to use, instead of the {@link BetterAuthRequests} bean.
     *
     * @param requests public paths, credential resolution, roles and answers
     * @return this configurer
     */
    public BetterAuthConfigurer requests(BetterAuthRequests requests) {
        this.requests = requests;
        return this;
    }

    /**
     * The manager that verifies {@link BetterAuthCredentialsToken}s, instead of the one of the
     * {@link BetterAuthAuthenticationManagerResolver} bean.
     *
     * @param authenticationManager the manager
     * @return this configurer
     */
    public BetterAuthConfigurer authenticationManager(AuthenticationManager authenticationManager) {
        this.authenticationManager = authenticationManager;
        return this;
    }

    /**
     * The entry point for refused and missing credentials, instead of the {@link BetterAuthAuthenticationEntryPoint}
     * bean.
     *
     * @param entryPoint the entry point
     * @return this configurer
     */
    public BetterAuthConfigurer authenticationEntryPoint(AuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
        return this;
    }

    /**
     * The handler of forbidden requests, instead of the {@link BetterAuthAccessDeniedHandler} bean.
     *
     * @param accessDeniedHandler the handler
     * @return this configurer
     */
    public BetterAuthConfigurer accessDeniedHandler(AccessDeniedHandler accessDeniedHandler) {
        this.accessDeniedHandler = accessDeniedHandler;
        return this;
    }

    /**
     * Whether a refused request is not kept in a session to replay after a login (the default): Better Auth
     * credentials then never cause a session. Turn it off only for a chain that also signs users in with a login
     * page, which replays the saved request.
     *
     * @param stateless whether to replace the chain's request cache with none
     * @return this configurer
     */
    public BetterAuthConfigurer stateless(boolean stateless) {
        this.stateless = stateless;
        return this;
    }

    @Override
    public void init(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        if (requests == null) {
            requests = bean(context, BetterAuthRequests.class);
        }
        if (entryPoint == null) {
            entryPoint = context.getBeanProvider(BetterAuthAuthenticationEntryPoint.class)
                    .getIfAvailable(() -> new BetterAuthAuthenticationEntryPoint(requests));
        }
        if (accessDeniedHandler == null) {
            accessDeniedHandler = context.getBeanProvider(BetterAuthAccessDeniedHandler.class)
                    .getIfAvailable(() -> new BetterAuthAccessDeniedHandler(requests));
        }
        if (authenticationManager == null) {
            authenticationManager = bean(context, BetterAuthAuthenticationManagerResolver.class).resolve(null);
        }
        if (stateless) {
            // Without this, Spring would keep a refused request in a new session to replay after a login (a
            // JSESSIONID cookie on every 401). The session policy itself is the chain's: by the time this configurer
            // is initialised, the other configurers have read it (the starter's chain sets STATELESS up front).
            http.setSharedObject(RequestCache.class, new NullRequestCache());
        }
        @SuppressWarnings("unchecked")
        CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
        if (csrf != null) {
            csrf.ignoringRequestMatchers(this::needsNoCsrfToken);
        }
        @SuppressWarnings("unchecked")
        ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions != null) {
            RequestMatcher api = apiRequests();
            exceptions.defaultAuthenticationEntryPointFor(entryPoint, api);
            exceptions.defaultAccessDeniedHandlerFor(accessDeniedHandler, api);
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        BetterAuthAuthenticationFilter filter = new BetterAuthAuthenticationFilter(authenticationManager, requests,
                entryPoint, accessDeniedHandler);
        SecurityContextHolderStrategy strategy = http.getSharedObject(ApplicationContext.class)
                .getBeanProvider(SecurityContextHolderStrategy.class).getIfAvailable();
        if (strategy != null) {
            filter.setSecurityContextHolderStrategy(strategy);
        }
        http.addFilterBefore(postProcess(filter), BasicAuthenticationFilter.class);
    }

    /**
     * Requests that need no CSRF token: those with a bearer credential, and those with Better Auth's cookie on a
     * protected path, where the verifier checks the origin of a request that changes something.
     */
    private boolean needsNoCsrfToken(HttpServletRequest request) {
        PresentedCredentials presented = requests.credentials(request);
        if (!presented.isPresent()) {
            return false;
        }
        return !presented.credential().ambient() || !requests.isPublic(request);
    }

    /** Every request but a browser's asking for HTML first, whose 401 a login page may want to answer. */
    private static RequestMatcher apiRequests() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        RequestMatcher anyMediaType = request -> {
            String accept = request.getHeader("Accept");
            return accept == null || accept.isBlank() || accept.strip().equals("*/*");
        };
        return new OrRequestMatcher(anyMediaType, new NegatedRequestMatcher(html));
    }

    private static <T> T bean(ApplicationContext context, Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("BetterAuthConfigurer needs the application context, or a " + type
                    .getSimpleName() + " given to it");
        }
        return context.getBean(type);
    }
}

package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link BetterAuthFilter}. Each option is checked by {@link #build()}; docs/servlet.md lists them
 * with their init parameter names, defaults and bounds.
 */
public final class BetterAuthFilterBuilder {

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

    BetterAuthFilterBuilder(BetterAuthVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Paths that pass without a token: exact ({@code /health}) or prefix ({@code /public/*}), within the
     * application (without the context path), matched only against a canonical request path.
     *
     * @param patterns the patterns
     * @return this builder
     */
    public BetterAuthFilterBuilder publicPaths(String... patterns) {
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
    public BetterAuthFilterBuilder optional(boolean optional) {
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
    public BetterAuthFilterBuilder cookie(String name) {
        this.cookieName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * The realm in {@code WWW-Authenticate}. Default {@code api}.
     *
     * @param realm printable ASCII without quotes or backslashes
     * @return this builder
     */
    public BetterAuthFilterBuilder realm(String realm) {
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
    public BetterAuthFilterBuilder roleClaim(String claim) {
        this.roleClaim = Objects.requireNonNull(claim, "claim");
        return this;
    }

    /**
     * The {@code Retry-After} of a 503. Default 10 s.
     *
     * @param retryAfter whole seconds, 1 s to 1 h
     * @return this builder
     */
    public BetterAuthFilterBuilder retryAfter(Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        return this;
    }

    /**
     * Writes the body of 400, 401 and 503 answers. Default: {@link AuthenticationErrorWriter#problemJson()}.
     *
     * @param errorWriter the writer
     * @return this builder
     */
    public BetterAuthFilterBuilder errorWriter(AuthenticationErrorWriter errorWriter) {
        this.errorWriter = Objects.requireNonNull(errorWriter, "errorWriter");
        return this;
    }

    /**
     * Hears every success and failure.
     *
     * @param listener the listener
     * @return this builder
     */
    public BetterAuthFilterBuilder listener(AuthenticationListener listener) {
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
    public BetterAuthFilterBuilder requiredScopes(String... rules) {
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
    public BetterAuthFilterBuilder publicUrl(URI url) {
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

package dev.betterauth4j.core;

import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies Better Auth credentials and returns the {@link AuthenticatedUser} they speak for.
 *
 * <p>Build one per application and share it: it is immutable and thread-safe, and it caches the key set.
 * With only a base URL it does what Better Auth's {@code jwt} plugin expects of a resource server: keys from
 * {@code {baseUrl}/api/auth/jwks} (EdDSA by default; ES256, ES512, RS256, PS256 too), {@code iss} and
 * {@code aud} equal to the base URL's origin.
 *
 * <pre>{@code
 * BetterAuthVerifier verifier = BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .build();
 *
 * AuthenticatedUser user = verifier.verify(token);   // throws TokenVerificationException
 * }</pre>
 *
 * <p>Each further kind of credential has its group of options: {@code sessions(...)} and {@code cookieCache(...)} turn
 * their kind on, {@code accessTokens(...)} needs the API's resource identifier; {@code keySet(...)} tunes how the key
 * set is fetched:
 * <pre>{@code
 * BetterAuthVerifier verifier = BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .secrets(System.getenv("BETTER_AUTH_SECRETS"))
 *         .sessions(session -> session.cacheTtl(Duration.ofSeconds(10)))       // session_token, bearer plugin
 *         .cookieCache(cache -> cache.version("1"))                             // session_data
 *         .accessTokens(tokens -> tokens.resource("https://api.example.com"))   // OAuth provider
 *         .keySet(keys -> keys.outageTolerance(Duration.ofHours(4)))
 *         .build();
 * }</pre>
 *
 * <p>A verification does, in this order: length check (before any decoding), compact JWS structure, header
 * policy (allowed {@code alg}; no {@code none}, {@code jwk}, {@code jku}, {@code x5u}, {@code x5c},
 * {@code crit}), the {@code typ} of the credential's kind, key selection by {@code kid} (refreshing the key set for
 * an unknown {@code kid}), signature, then claims ({@code sub}, {@code exp}, {@code nbf}, {@code iat},
 * {@code iss}, {@code aud}). Each failure is a {@link TokenVerificationException} with its
 * {@link TokenVerificationException.Reason}.
 *
 * <p>Every option is described in docs/auth-core.md, whose table is generated from the same configuration table
 * the builder, {@link #fromEnvironment()} and {@link #fromProperties(Map)} use. Close the verifier when the
 * application stops, to end its background key refresh.
 */
public final class BetterAuthVerifier implements AutoCloseable {

    private static final String BEARER = "bearer";

    private final JwtVerifier jwt;
    private final SessionVerifier sessions;
    private final AccessTokenVerifier accessTokens;
    private final List<String> sessionCookieNames;
    private final TrustedOrigins trustedOrigins;
    private final VerifierObserver observer;
    private final String description;

    BetterAuthVerifier(JwtVerifier jwt, SessionVerifier sessions, AccessTokenVerifier accessTokens,
                       List<String> sessionCookieNames, TrustedOrigins trustedOrigins, VerifierObserver observer,
                       String description) {
        this.jwt = jwt;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.sessionCookieNames = List.copyOf(sessionCookieNames);
        this.trustedOrigins = trustedOrigins;
        this.observer = observer;
        this.description = description;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder with the defaults of docs/auth-core.md
     */
    public static BetterAuthVerifierBuilder builder() {
        return new BetterAuthVerifierBuilder();
    }

    /**
     * The verifier's configuration table: every option that has a setting, with its builder name
     * ({@link Setting#name()}), its {@code BETTER_AUTH_*} name ({@link Setting#key()}), type, default, bounds and
     * meaning, in the order docs/auth-core.md lists them. For frameworks that bind the options from their own
     * configuration (the Spring Boot starter maps each to a {@code better.auth.*} property) and check that none is
     * left out; {@link dev.betterauth4j.core.settings.SettingsReader#read} gives texts to a {@link BetterAuthVerifierBuilder} through it.
     *
     * @return the table, unmodifiable
     */
    public static List<Setting<BetterAuthVerifierBuilder, ?>> settings() {
        return VerifierSettings.TABLE;
    }

    /**
     * Builds a verifier from the process environment ({@code BETTER_AUTH_URL}, {@code BETTER_AUTH_SECRET}, ...).
     *
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing or invalid, or a {@code BETTER_AUTH_*} variable looks
     *                                  like a misspelling of one; the message names it
     * @see #fromEnvironment(Map)
     */
    public static BetterAuthVerifier fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Builds a verifier from environment variables, as {@link #fromProperties(Map)} does, but tolerant of what else
     * an environment holds: variables Better Auth itself reads ({@code BETTER_AUTH_SECRETS},
     * {@code BETTER_AUTH_TRUSTED_ORIGINS}, {@code BETTER_AUTH_TELEMETRY*}) are ignored, an unknown
     * {@code BETTER_AUTH_*} variable within three edits of a setting ({@code BETTER_AUTH_AUDIENCES}) fails as a
     * misspelling, and any other unknown {@code BETTER_AUTH_*} variable is ignored with a warning naming it.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing, invalid or misspelt; the message names it and never
     *                                  contains the secret
     */
    public static BetterAuthVerifier fromEnvironment(Map<String, String> environment) {
        return VerifierSettings.read(environment, SettingSource.ENVIRONMENT, builder()).build();
    }

    /**
     * Builds a verifier from settings named like Better Auth's environment variables ({@code BETTER_AUTH_URL},
     * {@code BETTER_AUTH_SECRET}, ...; every one is listed in docs/auth-core.md), as the servlet filter's init
     * parameters give them. Blank values count as unset. Any other key starting with {@code BETTER_AUTH_} fails, with
     * the closest known name in the message (a typo in a security setting must not pass silently), except the
     * variables Better Auth itself reads; keys without that prefix are ignored.
     *
     * @param properties the settings
     * @return a verifier
     * @throws IllegalArgumentException if a setting is missing, unknown or invalid; the message names it and never
     *                                  contains the secret
     */
    public static BetterAuthVerifier fromProperties(Map<String, String> properties) {
        return VerifierSettings.read(properties, SettingSource.PROPERTIES, builder()).build();
    }

    /**
     * Verifies a token of Better Auth's {@code jwt} plugin (or, with {@code BETTER_AUTH_RESOURCE}, a JWT access token
     * sent as {@code Bearer}) and returns the user it speaks for. A DPoP-bound access token is refused
     * ({@code WRONG_SCHEME}): it needs {@link #verify(Credential, RequestContext)} with its proof.
     *
     * @param token the compact JWS, as sent after {@code Bearer }
     * @return the verified user
     * @throws TokenVerificationException if the token is not accepted; {@link TokenVerificationException#reason()}
     *                                    says why. {@code KEY_SOURCE_UNAVAILABLE} is an outage (answer 503), every
     *                                    other reason is the token's fault (answer 401)
     */
    public AuthenticatedUser verify(String token) throws TokenVerificationException {
        VerifierObserver.Verification observed = ObserverCalls.verificationStarted(observer, BEARER);
        try {
            return verified(observed, bound(jwt.verify(token), null, null));
        } catch (TokenVerificationException e) {
            throw refused(observed, e);
        }
    }

    /**
     * Verifies a credential that is not a cookie ({@link Credential#ambient()} is false): decides its
     * {@linkplain CredentialKind kind} and verifies it with that kind's profile.
     *
     * @param credential the credential
     * @return the verified user
     * @throws TokenVerificationException if the credential is not accepted, as {@link #verify(String)}
     * @throws IllegalArgumentException   for a cookie credential: it needs {@link #verify(Credential, RequestContext)},
     *                                    which checks where the request came from
     */
    public AuthenticatedUser verify(Credential credential) throws TokenVerificationException {
        if (Objects.requireNonNull(credential, "credential").ambient()) {
            throw new IllegalArgumentException("A cookie credential needs the request's method and origin: call"
                    + " verify(credential, request)");
        }
        if (credential instanceof Credential.DPoP) {
            throw new IllegalArgumentException("A DPoP credential needs the request's method and URL: call"
                    + " verify(credential, request)");
        }
        return verify(credential, new RequestContext("GET", null, null));
    }

    /**
     * Verifies a credential as a request presents it: refuses a cookie credential on a request that changes something
     * from an untrusted origin ({@code UNTRUSTED_ORIGIN}, answer 403), then decides the credential's
     * {@linkplain CredentialKind kind} and verifies it with that kind's profile, then applies the sender constraint of
     * DPoP-bound access tokens. A bearer (or DPoP) value shaped like a JWT (two or more dots) is a JWT, an access token
     * if its {@code typ} is {@code at+jwt}; a value with one dot is a session token (Better Auth signs them as
     * {@code token.signature}); a value without a dot is an opaque access token when introspection is configured,
     * else a bare session token.
     *
     * @param credential the credential
     * @param request    what the request says about itself
     * @return the verified user
     * @throws TokenVerificationException if the credential or the request is not accepted; the reason says why
     *                                    ({@link TokenVerificationException.Reason#isOutage()}: 503,
     *                                    {@link TokenVerificationException.Reason#isForbidden()}: 403, else 401)
     * @throws NullPointerException       if an argument is null
     */
    public AuthenticatedUser verify(Credential credential, RequestContext request) throws TokenVerificationException {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(request, "request");
        VerifierObserver.Verification observed = ObserverCalls.verificationStarted(observer, presentedAs(credential));
        try {
            return verified(observed, verifyUnobserved(credential, request));
        } catch (TokenVerificationException e) {
            throw refused(observed, e);
        }
    }

    /** How {@link VerifierObserver#verificationStarted} names the way a credential was presented. */
    private static String presentedAs(Credential credential) {
        return credential instanceof Credential.SessionCookie ? "session_cookie"
                : credential instanceof Credential.TokenCookie ? "token_cookie"
                : credential instanceof Credential.DPoP ? "dpop" : BEARER;
    }

    private static AuthenticatedUser verified(VerifierObserver.Verification observed, AuthenticatedUser user) {
        ObserverCalls.verified(observed, user);
        return user;
    }

    private static TokenVerificationException refused(VerifierObserver.Verification observed,
                                                      TokenVerificationException refusal) {
        ObserverCalls.refused(observed, refusal);
        return refusal;
    }

    private AuthenticatedUser verifyUnobserved(Credential credential, RequestContext request)
            throws TokenVerificationException {
        if (credential.ambient() && request.changesState() && !trustedOrigins.allows(request)) {
            throw new TokenVerificationException(TokenVerificationException.Reason.UNTRUSTED_ORIGIN, "A request"
                    + " authenticated by a cookie must come from a trusted origin to change something");
        }
        if (credential instanceof Credential.SessionCookie cookie) {
            return sessions().verify(cookie.name(), cookie.value(), cookie.cookieCache());
        }
        if (credential instanceof Credential.TokenCookie cookie) {
            return bound(jwt.verify(cookie.token()), null, request);
        }
        if (credential instanceof Credential.DPoP dpop) {
            return bound(verifyValue(dpop.token()), dpop, request);
        }
        return bound(verifyValue(((Credential.Bearer) credential).token()), null, request);
    }

    /**
     * Whether this verifier accepts OAuth access tokens, and for which resource.
     *
     * @return what the protected-resource metadata (RFC 9728) and the challenges need, or empty when
     *         {@code BETTER_AUTH_RESOURCE} is not set
     */
    public Optional<ProtectedResource> protectedResource() {
        return accessTokens == null ? Optional.empty() : Optional.of(accessTokens.protectedResource());
    }

    /** A value from an {@code Authorization} header, by its shape: see {@link #verify(Credential, RequestContext)}. */
    private AuthenticatedUser verifyValue(String token) throws TokenVerificationException {
        if (looksLikeJwt(token)) {
            return jwt.verify(token);
        }
        boolean introspects = accessTokens != null && accessTokens.introspects();
        if (sessions != null && (!introspects || token.indexOf('.') >= 0)) {
            return sessions.verify(null, token, Map.of());
        }
        return introspects ? accessTokens.introspect(token) : jwt.verify(token);
    }

    /** The sender constraint: a DPoP-bound access token only with its proof, the DPoP scheme only for one. */
    private AuthenticatedUser bound(AuthenticatedUser user, Credential.DPoP dpop, RequestContext request)
            throws TokenVerificationException {
        if (accessTokens != null) {
            return accessTokens.bind(user, dpop, request);
        }
        if (dpop != null) {
            throw AccessTokenVerifier.unbound();
        }
        return user;
    }

    /**
     * The names of the session cookies this verifier reads, when session credentials are on:
     * {@code __Secure-{prefix}.session_token} and {@code {prefix}.session_token}.
     *
     * @return the names, empty when session credentials are off
     */
    public List<String> sessionCookieNames() {
        return sessionCookieNames;
    }

    private SessionVerifier sessions() throws TokenVerificationException {
        if (sessions == null) {
            throw new TokenVerificationException(TokenVerificationException.Reason.MALFORMED, "Session credentials"
                    + " are not accepted here");
        }
        return sessions;
    }

    /** A compact JWS or JWE has at least two dots; a session token has at most one. */
    private static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first >= 0 && token.indexOf('.', first + 1) >= 0;
    }

    /** For tests: the number of cached tokens, or -1 without a cache. */
    int cachedTokens() {
        return jwt.cachedTokens();
    }

    /**
     * Stops the background refresh of the key set. Verification still works with what is cached.
     */
    @Override
    public void close() {
        jwt.close();
        if (sessions != null) {
            sessions.close();
        }
        if (accessTokens != null) {
            accessTokens.close();
        }
    }

    /**
     * Describes the configuration (key source, issuer, audiences, algorithms); never the secret.
     */
    @Override
    public String toString() {
        return description;
    }
}

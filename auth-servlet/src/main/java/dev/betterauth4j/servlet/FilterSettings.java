package dev.betterauth4j.servlet;

import dev.betterauth4j.core.ProtectedResource;
import dev.betterauth4j.core.settings.Setting;
import dev.betterauth4j.core.settings.SettingType;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The filter's configuration table: every option once, with its init parameter name, type, default, bounds and
 * meaning. It feeds {@link BetterAuthFilterBuilder}'s checks, the {@code web.xml} reader
 * ({@link FilterInitParameters}), every error message, and docs/servlet.md (checked by a test).
 */
final class FilterSettings {

    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    static final Setting<BetterAuthFilterBuilder, List<String>> PUBLIC_PATHS = Setting.of("publicPaths",
                    SettingType.LIST,
                    (BetterAuthFilterBuilder b, List<String> paths) -> b.publicPaths(paths.toArray(String[]::new)))
            .initParameter("publicPaths")
            .defaultText("none")
            .describe("Paths that pass without credentials, separated by commas or spaces: exact (`/health`) or prefix (`/public/*`,"
                    + " which also matches `/public`), within the application, matched only in canonical form");

    static final Setting<BetterAuthFilterBuilder, Boolean> OPTIONAL = Setting.of("optional", SettingType.BOOLEAN,
                    BetterAuthFilterBuilder::optional)
            .initParameter("optional")
            .defaultValue(false)
            .describe("A request without credentials passes as anonymous; invalid credentials are still refused");

    static final Setting<BetterAuthFilterBuilder, String> COOKIE = Setting.of("cookie", SettingType.TEXT,
                    BetterAuthFilterBuilder::cookie)
            .initParameter("cookie")
            .defaultText("off")
            .describe("Also read the token from this cookie when there is no `Authorization` header");

    static final Setting<BetterAuthFilterBuilder, String> REALM = Setting.of("realm", SettingType.TEXT,
                    BetterAuthFilterBuilder::realm)
            .initParameter("realm")
            .defaultValue("api")
            .describe("The realm of the `WWW-Authenticate` challenge: printable ASCII without quotes or backslashes");

    static final Setting<BetterAuthFilterBuilder, String> ROLE_CLAIM = Setting.of("roleClaim", SettingType.TEXT,
                    BetterAuthFilterBuilder::roleClaim)
            .initParameter("roleClaim")
            .defaultValue("role")
            .describe("The claim `isUserInRole` reads: one comma-separated string or an array of strings");

    static final Setting<BetterAuthFilterBuilder, Duration> RETRY_AFTER = Setting.of("retryAfter", SettingType.DURATION,
                    BetterAuthFilterBuilder::retryAfter)
            .initParameter("retryAfter")
            .defaultValue(Duration.ofSeconds(10))
            .between(Duration.ofSeconds(1), Duration.ofHours(1))
            .describe("The `Retry-After` of a 503, in whole seconds");

    static final Setting<BetterAuthFilterBuilder, AuthenticationErrorWriter> ERROR_WRITER = Setting.of("errorWriter",
                    ClassInstance.of(AuthenticationErrorWriter.class), BetterAuthFilterBuilder::errorWriter)
            .initParameter("errorWriter")
            .defaultText("problem+json")
            .describe("Writes the body of refusals; in `web.xml` a class with a public no-argument constructor");

    static final Setting<BetterAuthFilterBuilder, AuthenticationListener> LISTENER = Setting.of("listener",
                    ClassInstance.of(AuthenticationListener.class), BetterAuthFilterBuilder::listener)
            .initParameter("listener")
            .defaultText("none")
            .describe("Hears every success and failure; in `web.xml` a class with a public no-argument constructor");

    /** Scope rules in {@code web.xml}: one per line, or separated by semicolons. */
    static final SettingType<List<String>> RULES = text -> List.of(text.split("[;\\r\\n]+")).stream()
            .map(String::strip).filter(rule -> !rule.isEmpty()).toList();

    static final Setting<BetterAuthFilterBuilder, List<String>> REQUIRED_SCOPES = Setting.of("requiredScopes", RULES,
                    (BetterAuthFilterBuilder b, List<String> rules) -> b.requiredScopes(rules.toArray(String[]::new)))
            .initParameter("requiredScopes")
            .defaultText("none")
            .describe("The OAuth scopes requests need: rules `METHODS PATH SCOPE...` (`GET /api/** tasks:read`,"
                    + " `* /api/** tasks:write`), the first that matches decides; in `web.xml` one per line or"
                    + " separated by `;`. A missing scope is `403 insufficient_scope`; needs `BETTER_AUTH_RESOURCE`");

    static final Setting<BetterAuthFilterBuilder, URI> PUBLIC_URL = Setting.of("publicUrl", SettingType.URI,
                    BetterAuthFilterBuilder::publicUrl)
            .initParameter("publicUrl")
            .defaultText("the request's own URL")
            .describe("The application's root as clients reach it (`https://api.example.com`), behind a proxy that"
                    + " changes the scheme, host, port or path prefix: DPoP proofs name the public URL");

    static final List<Setting<BetterAuthFilterBuilder, ?>> TABLE = List.of(PUBLIC_PATHS, OPTIONAL, COOKIE, REALM,
            ROLE_CLAIM, RETRY_AFTER, ERROR_WRITER, LISTENER, REQUIRED_SCOPES, PUBLIC_URL);

    private FilterSettings() {
    }

    /** Checks a builder's options and fixes them. */
    static FilterOptions validate(BetterAuthFilterBuilder builder) {
        PublicPaths paths = new PublicPaths(PUBLIC_PATHS.name(), builder.publicPaths);
        if (builder.realm.isEmpty() || !RefusalWriter.headerSafe(builder.realm).equals(builder.realm)) {
            throw new IllegalArgumentException(REALM.label() + ": must be printable ASCII without quotes or"
                    + " backslashes");
        }
        if (builder.cookieName != null && !COOKIE_NAME.matcher(builder.cookieName).matches()) {
            throw new IllegalArgumentException(COOKIE.label() + ": '" + builder.cookieName + "' is not a valid cookie"
                    + " name");
        }
        if (builder.roleClaim.isBlank()) {
            throw new IllegalArgumentException(ROLE_CLAIM.label() + ": must not be blank");
        }
        RETRY_AFTER.check(builder.retryAfter);
        ScopeRules scopes = ScopeRules.parse(REQUIRED_SCOPES.label(), builder.requiredScopes);
        Optional<ProtectedResource> resource = builder.verifier.protectedResource();
        if (!scopes.isEmpty() && resource.isEmpty()) {
            throw new IllegalArgumentException(REQUIRED_SCOPES.label() + " needs a verifier that accepts OAuth access"
                    + " tokens (BETTER_AUTH_RESOURCE): no other credential has scopes");
        }
        PublicUrl publicUrl = PublicUrl.of(builder.publicUrl, PUBLIC_URL.label());
        ProtectedResourceMetadata metadata = resource.map(r -> new ProtectedResourceMetadata(r, scopes.scopes(),
                publicUrl)).orElse(null);
        return new FilterOptions(builder.verifier, paths, builder.optional,
                new CredentialResolver(builder.verifier.sessionCookieNames(), builder.cookieName, metadata != null),
                new RoleClaim(builder.roleClaim),
                new RefusalWriter(builder.realm, builder.retryAfter, builder.errorWriter, metadata),
                new GuardedListener(builder.listener), scopes, publicUrl, metadata);
    }
}

package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.CredentialKind;
import dev.betterauth4j.core.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The syntax and the meaning of the filter's scope rules ({@code requiredScopes}). */
class ScopeRulesTest {

    static final ScopeRules RULES = ScopeRules.parse("requiredScopes", List.of("GET /api/** tasks:read",
            "PUT,PATCH /api/tasks/* tasks:write tasks:edit", "* /api/** tasks:write", "GET /admin admin"));

    static AuthenticatedUser granted(String... scopes) {
        return new AuthenticatedUser("client", null, null, false, null, "https://issuer", List.of(),
                Instant.EPOCH, Instant.MAX, Map.of(), CredentialKind.ACCESS_TOKEN, SubjectType.CLIENT, null, "client",
                Set.of(scopes));
    }

    static List<String> missing(String method, String path, AuthenticatedUser user) {
        return RULES.missing(method, Optional.of(path), user);
    }

    @Test
    void theFirstRuleForTheMethodAndPathDecides() {
        assertThat(missing("GET", "/api/tasks", granted())).containsExactly("tasks:read");
        assertThat(missing("POST", "/api/tasks", granted())).containsExactly("tasks:write");
        assertThat(missing("PATCH", "/api/tasks/1", granted("tasks:write"))).containsExactly("tasks:edit");
    }

    @Test
    void getRulesCoverHead() {
        assertThat(missing("HEAD", "/api/tasks", granted())).containsExactly("tasks:read");
    }

    @Test
    void methodsMatchWithoutRegardToCase() {
        assertThat(missing("get", "/api/tasks", granted())).containsExactly("tasks:read");
    }

    @Test
    void aPrefixMatchesItselfAndEverythingBelowButNotALookAlike() {
        assertThat(missing("GET", "/api", granted())).containsExactly("tasks:read");
        assertThat(missing("GET", "/api/a/b/c", granted())).containsExactly("tasks:read");
        assertThat(missing("GET", "/apiary", granted())).isEmpty();
    }

    @Test
    void anExactPathMatchesOnlyItself() {
        assertThat(missing("GET", "/admin", granted())).containsExactly("admin");
        assertThat(missing("GET", "/admin/x", granted())).isEmpty();
    }

    @Test
    void grantedScopesAreNotMissing() {
        assertThat(missing("GET", "/api/tasks", granted("tasks:read"))).isEmpty();
    }

    @Test
    void aRequestNoRuleMatchesNeedsNothing() {
        assertThat(missing("GET", "/health", granted())).isEmpty();
    }

    @Test
    void aNonCanonicalPathNeedsEveryScopeOfEveryRuleForItsMethod() {
        assertThat(RULES.missing("GET", Optional.empty(), granted())).containsExactly("tasks:read", "tasks:write",
                "admin");
        assertThat(RULES.missing("PUT", Optional.empty(), granted())).containsExactly("tasks:write", "tasks:edit");
    }

    @Test
    void theScopesSupportedAreEveryScopeARuleNames() {
        assertThat(RULES.scopes()).containsExactly("admin", "tasks:edit", "tasks:read", "tasks:write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/**", "GET tasks:read", "GET api/** tasks:read", "G ET /api/** x",
        "GET /api/*/x tasks:read", "GET,, /api/** tasks:read", "GET /api/** tasks\"read", "GET /api/** tâches",
        "GET /a*b tasks:read"})
    void refusesARuleThatBreaksTheSyntaxNamingIt(String rule) {
        assertThatThrownBy(() -> ScopeRules.parse("requiredScopes", List.of(rule)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requiredScopes")
                .hasMessageContaining("GET /api/** tasks:read");
    }

    @Test
    void webXmlSeparatesRulesByLinesOrSemicolons() {
        assertThat(FilterSettings.RULES.parse("GET /api/** tasks:read;\n  * /api/** tasks:write\r\n\n"))
                .containsExactly("GET /api/** tasks:read", "* /api/** tasks:write");
    }

    @Test
    void rulesNeedAVerifierThatAcceptsAccessTokens() {
        BetterAuthVerifier plugin = BetterAuthVerifier.builder().baseUrl(URI.create("https://auth.example.com"))
                .jwks(FilterContractTest.KEY.jwkSet()).build();

        assertThatThrownBy(() -> BetterAuthFilter.builder(plugin).requiredScopes("GET /api/** tasks:read").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BETTER_AUTH_RESOURCE");
    }

    @Test
    void aPublicUrlMustBeAnAbsoluteHttpUrl() {
        BetterAuthVerifier verifier = OAuthFilterContractTest.verifier().build();

        assertThatThrownBy(() -> BetterAuthFilter.builder(verifier).publicUrl(URI.create("/relative")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicUrl");
        assertThatThrownBy(() -> BetterAuthFilter.builder(verifier).publicUrl(URI.create("https://a.example?x=1"))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicUrl");
    }
}

package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.CredentialKind;
import dev.betterauth4j.core.SubjectType;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Better Auth user's authorities in Spring Security's conventions: {@code ROLE_} for each role of the role claim
 * (one comma-separated string or an array), {@code SCOPE_} for each scope of an OAuth access token.
 */
class BetterAuthAuthoritiesTest {

    private final BetterAuthVerifier verifier = BetterAuthVerifier.builder()
            .jwks(SigningKey.of("EdDSA").jwkSet()).issuer("https://app.example.com")
            .audiences("https://app.example.com").build();

    @AfterEach
    void close() {
        verifier.close();
    }

    private static AuthenticatedUser user(Map<String, Object> claims, Set<String> scopes) {
        return new AuthenticatedUser("u1", null, null, false, null, "https://app.example.com",
                List.of("https://app.example.com"), null, Instant.now().plusSeconds(60), claims,
                CredentialKind.JWT,
                SubjectType.USER, null, null, scopes);
    }

    private static List<String> names(java.util.Collection<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void rolesOfACommaSeparatedClaimAreRoleAuthorities() {
        BetterAuthAuthorities authorities = new BetterAuthAuthorities(BetterAuthFilter.builder(verifier)
                .buildRequests());

        assertThat(names(authorities.convert(user(Map.of("role", "editor, admin"), Set.of()))))
                .containsExactly("ROLE_admin", "ROLE_editor");
    }

    @Test
    void scopesAreScopeAuthoritiesAfterTheRoles() {
        BetterAuthAuthorities authorities = new BetterAuthAuthorities(BetterAuthFilter.builder(verifier)
                .buildRequests());

        assertThat(names(authorities.convert(user(Map.of("role", List.of("admin")), Set.of("tasks:write",
                "tasks:read"))))).containsExactly("ROLE_admin", "SCOPE_tasks:read", "SCOPE_tasks:write");
    }

    @Test
    void theRoleClaimIsTheFiltersOption() {
        BetterAuthRequests requests = BetterAuthFilter.builder(verifier).roleClaim("groups").buildRequests();

        assertThat(names(new BetterAuthAuthorities(requests).convert(user(Map.of("role", "admin",
                "groups", "staff"), Set.of())))).containsExactly("ROLE_staff");
    }
}

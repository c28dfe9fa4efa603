package dev.betterauth4j.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatedUserTest {

    private static AuthenticatedUser user(Map<String, Object> claims) {
        return new AuthenticatedUser("user-1", "a@example.com", "A", true, null, "iss", List.of("aud"),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(900), claims, CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of());
    }

    @Test
    void claimsAreAnUnmodifiableDeepCopy() {
        List<Object> roles = new ArrayList<>(List.of("admin"));
        Map<String, Object> nested = new HashMap<>(Map.of("roles", roles));
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("org", nested));
        AuthenticatedUser user = user(claims);
        roles.add("root");
        claims.put("injected", true);

        assertThat(user.claims()).doesNotContainKey("injected");
        assertThat(user.claim("org", Map.class)).hasValueSatisfying(org ->
                assertThat(org.get("roles")).isEqualTo(List.of("admin")));
        assertThatThrownBy(() -> user.claims().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) ((Map<?, ?>) user.claims().get("org")).get("roles")).add("root"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedClaimAccessReturnsEmptyWhenAbsentNullOrOfAnotherType() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("role", "admin");
        claims.put("nothing", null);
        claims.put("count", 3L);
        AuthenticatedUser user = user(claims);

        assertThat(user.claim("role", String.class)).contains("admin");
        assertThat(user.claim("missing", String.class)).isEmpty();
        assertThat(user.claim("nothing", String.class)).isEmpty();
        assertThat(user.claim("role", Boolean.class)).isEmpty();
        assertThat(user.claim("count", Long.class)).contains(3L);
        assertThat(user.claim("count", Integer.class)).contains(3);
        assertThat(user.claim("count", Double.class)).contains(3.0);
        assertThat(user.claim("count", String.class)).isEmpty();
    }

    @Test
    void convertsWholeDoublesButNotFractionsToIntegers() {
        AuthenticatedUser user = user(Map.of("whole", 4.0, "fraction", 4.5, "huge", 1e300));

        assertThat(user.claim("whole", Long.class)).contains(4L);
        assertThat(user.claim("fraction", Long.class)).isEmpty();
        assertThat(user.claim("huge", Integer.class)).isEmpty();
    }

    @Test
    void toStringShowsIdentityButNoClaimValues() {
        AuthenticatedUser user = user(Map.of("sid", "secret-session-token"));

        assertThat(user.toString()).contains("user-1").contains("a@example.com").contains("sid")
                .doesNotContain("secret-session-token");
    }

    @Test
    void requiresANonEmptyId() {
        assertThatThrownBy(() -> new AuthenticatedUser("", null, null, false, null, "iss", List.of(), null,
                Instant.EPOCH, Map.of(), CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAValue() {
        assertThat(user(Map.of("a", 1L))).isEqualTo(user(Map.of("a", 1L))).hasSameHashCodeAs(user(Map.of("a", 1L)));
    }
}

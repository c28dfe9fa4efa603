package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.AuthenticatedUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;
import java.util.Objects;

/**
 * A request authenticated by a Better Auth credential: the principal is the {@link AuthenticatedUser} (so
 * {@code @AuthenticationPrincipal AuthenticatedUser user} works), the name its id, the authorities
 * {@code ROLE_<role>} from Better Auth's role claim and {@code SCOPE_<scope>} from an access token's scopes (see
 * {@link BetterAuthAuthorities}). The credential itself is not kept: {@link #getCredentials()} is null.
 */
public final class BetterAuthAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient AuthenticatedUser user;

    /**
     * An authenticated request.
     *
     * @param user        the verified user
     * @param authorities what the user may do
     */
    public BetterAuthAuthentication(AuthenticatedUser user, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = Objects.requireNonNull(user, "user");
        setAuthenticated(true);
    }

    /**
     * The verified user.
     *
     * @return the user
     */
    public AuthenticatedUser user() {
        return user;
    }

    /**
     * The verified user, as Spring Security's principal.
     *
     * @return the user
     */
    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    /**
     * Nothing: the credential is not kept once verified.
     *
     * @return null
     */
    @Override
    public Object getCredentials() {
        return null;
    }

    /**
     * The user's id (the token's {@code sub}).
     *
     * @return the id
     */
    @Override
    public String getName() {
        return user.id();
    }
}

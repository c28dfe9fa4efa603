package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;

import java.security.Principal;
import java.util.Objects;

/**
 * The {@link Principal} of a request authenticated by {@link BetterAuthFilter}: its name is the Better Auth
 * user id.
 *
 * @param user the verified user
 */
public record BetterAuthPrincipal(AuthenticatedUser user) implements Principal {

    /**
     * @param user the verified user
     * @throws NullPointerException if {@code user} is null
     */
    public BetterAuthPrincipal {
        Objects.requireNonNull(user, "user");
    }

    /**
     * Returns the user id (the token's {@code sub}).
     *
     * @return the user id
     */
    @Override
    public String getName() {
        return user.id();
    }

    @Override
    public String toString() {
        return "BetterAuthPrincipal[" + user.id() + "]";
    }
}

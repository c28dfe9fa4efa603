package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;
import java.util.Set;
import java.util.function.Function;

/**
 * A request whose security methods tell the truth about the verified Better Auth user.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    static final String AUTH_TYPE = "Bearer";

    private final BetterAuthPrincipal principal;
    private final Function<AuthenticatedUser, Set<String>> rolesOf;
    /** Read from the role claim on the first {@link #isUserInRole} call: most requests never ask. */
    private Set<String> roles;

    AuthenticatedRequest(HttpServletRequest request, AuthenticatedUser user,
                         Function<AuthenticatedUser, Set<String>> rolesOf) {
        super(request);
        this.principal = new BetterAuthPrincipal(user);
        this.rolesOf = rolesOf;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }

    @Override
    public boolean isUserInRole(String role) {
        if (roles == null) {
            roles = Set.copyOf(rolesOf.apply(principal.user()));
        }
        return role != null && roles.contains(role);
    }
}

package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;
import java.util.Set;

/**
 * A request whose security methods tell the truth about the verified Better Auth user.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    static final String AUTH_TYPE = "Bearer";

    private final BetterAuthPrincipal principal;
    private final Set<String> roles;

    AuthenticatedRequest(HttpServletRequest request, AuthenticatedUser user, Set<String> roles) {
        super(request);
        this.principal = new BetterAuthPrincipal(user);
        this.roles = Set.copyOf(roles);
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
        return role != null && roles.contains(role);
    }
}

package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.servlet.BetterAuthRequests;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A user's authorities, in Spring Security's conventions: {@code ROLE_<role>} for each role Better Auth's role claim
 * names (the admin plugin's {@code role}, one comma-separated string such as {@code "admin,editor"} or an array; the
 * claim is the {@code better.auth.role-claim} property), and {@code SCOPE_<scope>} for each scope an OAuth access token
 * grants ({@link AuthenticatedUser#scopes()}). So {@code hasRole('admin')} and
 * {@code hasAuthority('SCOPE_tasks:read')} both work. Roles and scopes keep their case.
 */
public final class BetterAuthAuthorities implements Converter<AuthenticatedUser, Collection<GrantedAuthority>> {

    /** The prefix of a role's authority, as {@code hasRole} expects. */
    public static final String ROLE_PREFIX = "ROLE_";

    /** The prefix of a scope's authority, as Spring Security's resource server writes it. */
    public static final String SCOPE_PREFIX = "SCOPE_";

    private final BetterAuthRequests requests;

    /**
     * Reads roles as the filter does.
     *
     * @param requests the filter's request handling, whose role claim is used
     */
    public BetterAuthAuthorities(BetterAuthRequests requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * The authorities of a user: roles first, then scopes, each sorted.
     *
     * @param user the verified user
     * @return the authorities, unmodifiable
     */
    @Override
    public Collection<GrantedAuthority> convert(AuthenticatedUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        new TreeSet<>(requests.roles(user)).forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX
                + role)));
        new TreeSet<>(user.scopes()).forEach(scope -> authorities.add(new SimpleGrantedAuthority(SCOPE_PREFIX
                + scope)));
        return List.copyOf(authorities);
    }
}

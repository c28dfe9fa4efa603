package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles a user's role claim names: Better Auth's admin plugin writes {@code role} as one string that may hold
 * several comma-separated roles ({@code "admin,editor"}); an array of strings works too. Anything else names none.
 *
 * @param claim the claim's name
 */
record RoleClaim(String claim) {

    Set<String> rolesOf(AuthenticatedUser user) {
        Object value = user.claims().get(claim);
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof String text) {
            for (String role : text.split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (element instanceof String role && !role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        }
        return Set.copyOf(roles);
    }
}

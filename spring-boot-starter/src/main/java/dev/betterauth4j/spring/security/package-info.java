/**
 * Better Auth authentication inside Spring Security's {@code SecurityFilterChain}:
 * {@link dev.betterauth4j.spring.security.BetterAuthConfigurer} (applied with {@code http.with(...)}), the
 * {@link dev.betterauth4j.spring.security.BetterAuthAuthentication} it produces (principal: the
 * {@code AuthenticatedUser}; authorities: {@code ROLE_} and {@code SCOPE_}), and the entry point and access-denied
 * handler that answer as the library's filter does.
 */
package dev.betterauth4j.spring.security;

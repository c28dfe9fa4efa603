package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;

/**
 * The {@link AuthenticationManager} that verifies Better Auth credentials, the same for every request: a
 * {@link ProviderManager} with one {@link BetterAuthAuthenticationProvider}, publishing Spring Security's
 * authentication events when given a publisher. The starter declares it as a bean, which {@link BetterAuthConfigurer}
 * uses; like Spring's own resource server, it tells Spring Boot that the application authenticates by tokens, so no
 * in-memory user with a generated password is made.
 */
public final class BetterAuthAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

    private final ProviderManager manager;

    /**
     * A resolver.
     *
     * @param verifier    verifies the credentials
     * @param authorities the authorities of a verified user, such as {@link BetterAuthAuthorities}
     * @param events      publishes authentication events, or null for none
     */
    public BetterAuthAuthenticationManagerResolver(BetterAuthVerifier verifier,
                                                   Converter<AuthenticatedUser, ? extends Collection<? extends
                                                           GrantedAuthority>> authorities,
                                                   AuthenticationEventPublisher events) {
        this.manager = new ProviderManager(new BetterAuthAuthenticationProvider(verifier, authorities));
        if (events != null) {
            manager.setAuthenticationEventPublisher(events);
        }
    }

    /**
     * The manager.
     *
     * @param request any request
     * @return the one manager
     */
    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return manager;
    }
}

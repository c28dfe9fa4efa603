package dev.betterauth4j.spring.security;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.servlet.PresentedCredentials;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Objects;

/**
 * Verifies a {@link BetterAuthCredentialsToken} with the {@link BetterAuthVerifier} (all verification happens there) and
 * returns a {@link BetterAuthAuthentication}; a refusal becomes a {@link BetterAuthAuthenticationException} carrying the
 * library's answer (401, 403 for an untrusted origin, 503 for an outage). An exception the verifier does not
 * declare fails closed as {@code BetterAuthFilter} fails: 401 {@code invalid_token}, reason {@code MALFORMED}, and an
 * error logged with the exception's class only.
 */
public final class BetterAuthAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOGGER = System.getLogger(BetterAuthAuthenticationProvider.class.getName());

    private final BetterAuthVerifier verifier;
    private final Converter<AuthenticatedUser, ? extends Collection<? extends GrantedAuthority>> authorities;

    /**
     * A provider.
     *
     * @param verifier    verifies the credentials
     * @param authorities the authorities of a verified user, such as {@link BetterAuthAuthorities}
     */
    public BetterAuthAuthenticationProvider(BetterAuthVerifier verifier,
                                            Converter<AuthenticatedUser, ? extends Collection<? extends GrantedAuthority>>
                                                    authorities) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.authorities = Objects.requireNonNull(authorities, "authorities");
    }

    /**
     * Verifies the presented credentials.
     *
     * @param authentication a {@link BetterAuthCredentialsToken}
     * @return the authenticated request
     * @throws AuthenticationException a {@link BetterAuthAuthenticationException} when the verifier refuses, or fails
     *                                 unexpectedly
     */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        BetterAuthCredentialsToken token = (BetterAuthCredentialsToken) authentication;
        PresentedCredentials presented = token.presented();
        AuthenticatedUser user;
        try {
            user = verifier.verify(presented.credential(), presented.context());
        } catch (TokenVerificationException e) {
            throw new BetterAuthAuthenticationException(presented.refusal(e), e);
        } catch (RuntimeException e) {
            // Not expected from the verifier: fail closed as the filter does, a 401 that reveals nothing, and log the
            // exception's class only (its message might quote the credential).
            LOGGER.log(Level.ERROR, () -> "Token verification failed unexpectedly: " + e.getClass().getName());
            throw new BetterAuthAuthenticationException(presented.refusal(new TokenVerificationException(
                    Reason.MALFORMED, "The token could not be verified")), null);
        }
        Collection<? extends GrantedAuthority> granted = authorities.convert(user);
        BetterAuthAuthentication result = new BetterAuthAuthentication(user, granted == null ? java.util.List.of()
                : granted);
        result.setDetails(token.getDetails());
        return result;
    }

    /**
     * Whether this provider verifies such a token.
     *
     * @param authentication the token's type
     * @return {@code true} for {@link BetterAuthCredentialsToken}
     */
    @Override
    public boolean supports(Class<?> authentication) {
        return BetterAuthCredentialsToken.class.isAssignableFrom(authentication);
    }
}

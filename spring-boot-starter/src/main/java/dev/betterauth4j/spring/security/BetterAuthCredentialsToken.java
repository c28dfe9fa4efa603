package dev.betterauth4j.spring.security;

import dev.betterauth4j.servlet.PresentedCredentials;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;
import java.util.Objects;

/**
 * The credentials a request presents, before they are verified: what {@link BetterAuthAuthenticationFilter} hands to
 * the {@link org.springframework.security.authentication.AuthenticationManager}, and what
 * {@link BetterAuthAuthenticationProvider} verifies. Never authenticated; {@link #toString()} never shows the
 * credential.
 */
public final class BetterAuthCredentialsToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient PresentedCredentials presented;

    /**
     * Credentials to verify.
     *
     * @param presented what the request presents; {@link PresentedCredentials#isPresent()} must be true
     */
    public BetterAuthCredentialsToken(PresentedCredentials presented) {
        super(List.of());
        this.presented = Objects.requireNonNull(presented, "presented");
        setAuthenticated(false);
    }

    /**
     * What the request presents.
     *
     * @return the presented credentials
     */
    public PresentedCredentials presented() {
        return presented;
    }

    /**
     * The credential (its {@code toString()} hides the value).
     *
     * @return the credential
     */
    @Override
    public Object getCredentials() {
        return presented.credential();
    }

    /**
     * No principal until the credential is verified.
     *
     * @return null
     */
    @Override
    public Object getPrincipal() {
        return null;
    }

    /**
     * No name until the credential is verified.
     *
     * @return an empty name
     */
    @Override
    public String getName() {
        return "";
    }
}

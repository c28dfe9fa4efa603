package dev.betterauth4j.spring.security.oauth2;

import dev.betterauth4j.core.TokenVerificationException;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The verifier could not decide on a token because Better Auth or its key set could not be reached
 * ({@link TokenVerificationException.Reason#isOutage()}). A {@link BadJwtException} only so that Spring Security's
 * resource server hands it to the entry point rather than rethrowing it (which would answer 500):
 * {@code BetterAuthAuthenticationEntryPoint} finds the verifier's reason in its cause and answers 503 with
 * {@code Retry-After}.
 */
public final class BetterAuthJwtOutageException extends BadJwtException {

    private static final long serialVersionUID = 1L;

    /**
     * An outage.
     *
     * @param cause the verifier's exception
     */
    public BetterAuthJwtOutageException(TokenVerificationException cause) {
        super(cause.getMessage(), cause);
    }
}

package dev.betterauth4j.spring.security;

import dev.betterauth4j.servlet.AuthenticationFailure;
import org.springframework.security.core.AuthenticationException;

import java.util.Objects;

/**
 * Better Auth credentials were refused: carries the library's {@link AuthenticationFailure} (status, RFC 6750 error,
 * reason, retry delay), which {@link BetterAuthAuthenticationEntryPoint} answers with (400, 401 or 503) and
 * {@link BetterAuthAccessDeniedHandler} with when it is a 403. Its message is safe to show the client.
 */
public final class BetterAuthAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final transient AuthenticationFailure failure;

    /**
     * A refusal.
     *
     * @param failure why
     * @param cause   the verifier's exception, or null
     */
    public BetterAuthAuthenticationException(AuthenticationFailure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").description(), cause);
        this.failure = failure;
    }

    /**
     * Why the credentials were refused, and how to answer.
     *
     * @return the failure
     */
    public AuthenticationFailure failure() {
        return failure;
    }
}

package dev.betterauth4j.spring.security;

import dev.betterauth4j.servlet.AuthenticationFailure;
import org.springframework.security.access.AccessDeniedException;

import java.util.Objects;

/**
 * A request is forbidden whatever its credential (403): a request authenticated by a cookie that changes something
 * from an origin Better Auth does not trust ({@code UNTRUSTED_ORIGIN}), or a credential without a scope the
 * {@code better.auth.required-scopes} rules ask for ({@code INSUFFICIENT_SCOPE}). Raised by
 * {@link BetterAuthAuthenticationFilter} and answered by {@link BetterAuthAccessDeniedHandler}, so that cross-site
 * request forgery is refused through Spring Security's access-denied handling.
 */
public final class BetterAuthAccessDeniedException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    private final transient AuthenticationFailure failure;

    /**
     * A forbidden request.
     *
     * @param failure why, with status 403
     */
    public BetterAuthAccessDeniedException(AuthenticationFailure failure) {
        super(Objects.requireNonNull(failure, "failure").description());
        this.failure = failure;
    }

    /**
     * Why the request is forbidden.
     *
     * @return the failure
     */
    public AuthenticationFailure failure() {
        return failure;
    }
}

package dev.betterauth4j.servlet;

import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.RequestContext;
import dev.betterauth4j.core.TokenVerificationException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The credentials one request presents, as {@link BetterAuthRequests#credentials} found them: nothing, one credential
 * with what the request says about itself (for {@link dev.betterauth4j.core.BetterAuthVerifier#verify(Credential,
 * RequestContext)}), or something that cannot be read unambiguously (two {@code Authorization} headers, two session
 * cookies, an empty token: 400 {@code invalid_request}). With a verifier that accepts OAuth access tokens,
 * {@code Authorization: DPoP} is read too, with its proof. Never shows the credential in {@link #toString()}.
 */
public final class PresentedCredentials {

    private final BearerCredentials credentials;
    private final RequestContext context;

    PresentedCredentials(BearerCredentials credentials, HttpServletRequest request, PublicUrl publicUrl) {
        this.credentials = credentials;
        this.context = BetterAuthFilter.requestContext(request, credentials, publicUrl);
    }

    /**
     * Whether the request presents a credential to verify.
     *
     * @return {@code true} when {@link #credential()} has one
     */
    public boolean isPresent() {
        return credentials.kind() == BearerCredentials.Kind.TOKEN;
    }

    /**
     * Whether the request presents nothing at all.
     *
     * @return {@code true} when there is neither a credential nor anything unreadable
     */
    public boolean isAbsent() {
        return credentials.kind() == BearerCredentials.Kind.ABSENT;
    }

    /**
     * The refusal of credentials that cannot be read unambiguously.
     *
     * @return 400 {@code invalid_request}, or empty when the request presents nothing or one credential
     */
    public Optional<AuthenticationFailure> unreadable() {
        return credentials.kind() == BearerCredentials.Kind.INVALID_REQUEST
                ? Optional.of(RefusalWriter.invalidRequest(credentials.problem())) : Optional.empty();
    }

    /**
     * The credential to verify.
     *
     * @return the credential
     * @throws IllegalStateException if the request presents none ({@link #isPresent()} is false)
     */
    public Credential credential() {
        if (!isPresent()) {
            throw new IllegalStateException("The request presents no credential");
        }
        return credentials.credential();
    }

    /**
     * What the request says about itself: its method, {@code Origin} and {@code Referer}, for the verifier's check of
     * cookie credentials on requests that change something, and for a DPoP credential the URL the client called
     * (the filter's {@code publicUrl} behind a proxy), which the proof must name.
     *
     * @return the context
     */
    public RequestContext context() {
        return context;
    }

    /**
     * The answer to these credentials when the verifier refused them: 401 {@code invalid_token}, 403 for a forbidden
     * request (a cookie from an untrusted origin), 503 for an outage; or 400 {@code invalid_request} when the token's
     * characters break RFC 6750's syntax, which is checked only now, as the filter does.
     *
     * @param refused the verifier's refusal
     * @return the failure to answer with
     */
    public AuthenticationFailure refusal(TokenVerificationException refused) {
        return RefusalWriter.refusal(credentials, refused);
    }

    @Override
    public String toString() {
        return "PresentedCredentials[" + (isPresent() ? credentials.credential() : credentials) + "]";
    }
}

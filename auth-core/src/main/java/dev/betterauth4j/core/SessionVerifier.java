package dev.betterauth4j.core;

import javax.crypto.Mac;

import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;

/**
 * The path of one session token: its shape ({@link SessionToken}), then, with a secret configured, its signature
 * checked here (a forged or garbled token is refused with no network call), then the answer remembered for it
 * ({@link SessionCache}), else Better Auth's ({@link SessionEndpoint}).
 *
 * @param hmac       HMAC-SHA256 with the current secret, copied per check; null without a secret (Better Auth then
 *                   checks the signature)
 * @param acceptBare whether a bearer value may be a bare token, as Better Auth's {@code bearer()} without
 *                   {@code requireSignature}
 * @param cache      answers remembered
 * @param endpoint   Better Auth's {@code get-session}
 */
record SessionVerifier(Mac hmac, boolean acceptBare, SessionCache cache, SessionEndpoint endpoint)
        implements AutoCloseable {

    /**
     * The user of a live session.
     *
     * @param cookieName the cookie the value came in, or null for a bearer header
     * @param presented  the value as the client sent it
     */
    AuthenticatedUser verify(String cookieName, String presented) throws TokenVerificationException {
        SessionToken token = SessionToken.parse(presented, cookieName != null, acceptBare);
        if (hmac != null && token.signed() && !token.signedWith(copy(hmac))) {
            throw new TokenVerificationException(BAD_SIGNATURE, "The session token's signature is not valid");
        }
        return cache.get(SessionCache.key(token.canonical()), () -> endpoint.fetch(cookieName, presented));
    }

    /** A MAC of one's own: {@link Mac} is not thread-safe, and cloning an initialised one skips the key set-up. */
    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be copied", e);
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}

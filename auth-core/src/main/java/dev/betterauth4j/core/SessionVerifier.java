package dev.betterauth4j.core;

import javax.crypto.Mac;
import java.util.Map;

import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;

/**
 * The path of one session token: its shape ({@link SessionToken}), then, with a secret configured, its signature
 * checked here (a forged or garbled token is refused with no network call), then the session's cookie cache when the
 * request has one and it is on ({@link CookieCacheReader}: no call at all), else the answer remembered for the token
 * ({@link SessionCache}), else Better Auth's ({@link SessionEndpoint}).
 *
 * @param hmac        HMAC-SHA256 with the current secret, copied per check; null without a secret (Better Auth then
 *                    checks the signature, and no cookie cache is read)
 * @param acceptBare  whether a bearer value may be a bare token, as Better Auth's {@code bearer()} without
 *                    {@code requireSignature}
 * @param cache       answers remembered, or null when sessions are not resolved with Better Auth
 * @param endpoint    Better Auth's {@code get-session}, or null when sessions are not resolved with Better Auth
 * @param cookieCache reads the session's cookie cache, or null when it is off
 */
record SessionVerifier(Mac hmac, boolean acceptBare, SessionCache cache, SessionEndpoint endpoint,
                       CookieCacheReader cookieCache) implements AutoCloseable {

    private static final String TOKEN_COOKIE_SUFFIX = "session_token";
    private static final String CACHE_COOKIE_SUFFIX = "session_data";

    /**
     * The user of a live session.
     *
     * @param cookieName    the cookie the value came in, or null for a bearer header
     * @param presented     the value as the client sent it
     * @param cacheCookies  the session's cookie cache, by cookie name; empty when there is none
     */
    AuthenticatedUser verify(String cookieName, String presented, Map<String, String> cacheCookies)
            throws TokenVerificationException {
        boolean readsCookieCache = cookieCache != null && cookieName != null && !cacheCookies.isEmpty();
        if (cache != null && !readsCookieCache) {
            // An answer is remembered only for a value that passed every check below (the signature included), so
            // the very same value may skip them: a hit costs a digest and a lookup.
            String key = SessionToken.cacheKey(presented, cookieName != null);
            AuthenticatedUser remembered = key == null ? null : cache.remembered(key);
            if (remembered != null) {
                return remembered;
            }
        }
        SessionToken token = SessionToken.parse(presented, cookieName != null, acceptBare);
        boolean signatureChecked = hmac != null && token.signed();
        if (signatureChecked && !token.signedWith(copy(hmac))) {
            throw new TokenVerificationException(BAD_SIGNATURE, "The session token's signature is not valid");
        }
        if (cookieCache != null && signatureChecked && cookieName != null && cookieName.endsWith(TOKEN_COOKIE_SUFFIX)) {
            String cacheName = cookieName.substring(0, cookieName.length() - TOKEN_COOKIE_SUFFIX.length())
                    + CACHE_COOKIE_SUFFIX;
            try {
                return cookieCache.read(token.token(), cacheName, cacheCookies);
            } catch (TokenVerificationException e) {
                if (endpoint == null) {
                    throw e;
                }
                // Absent, expired or not valid: Better Auth itself decides, as its own get-session does.
            }
        }
        if (endpoint == null) {
            throw new TokenVerificationException(TokenVerificationException.Reason.UNKNOWN_SESSION, "This session"
                    + " credential can only be checked by Better Auth, which this verifier does not ask");
        }
        return cache.get(SessionToken.cacheKey(presented, cookieName != null),
                () -> endpoint.fetch(cookieName, presented));
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
        if (endpoint != null) {
            endpoint.close();
        }
    }
}

package dev.betterauth4j.core;

import java.time.Instant;
import java.util.Map;

import static dev.betterauth4j.core.TokenVerificationException.Reason.EXPIRED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;

/**
 * What every strategy of Better Auth's cookie cache ({@code session_data}) carries once verified:
 * {@code {session, user, updatedAt, version}} and the cache's own expiry.
 *
 * @param session         the session row (with the raw session token)
 * @param user            the user row
 * @param version         the cache's {@code version}, or null when absent (Better Auth reads that as "1")
 * @param expiresAtMillis when the cache itself expires (epoch ms), before any clock skew
 */
record CookieCachePayload(Map<String, Object> session, Map<String, Object> user, String version,
                          long expiresAtMillis) {

    /**
     * The payload of a verified cache's claims ({@code session}, {@code user}, {@code version}), if they have the
     * shape Better Auth's schema requires.
     *
     * @throws TokenVerificationException {@code MALFORMED} when they do not
     */
    static CookieCachePayload of(Map<String, Object> claims, long expiresAtMillis) throws TokenVerificationException {
        if (!(claims.get("session") instanceof Map<?, ?> session) || !(claims.get("user") instanceof Map<?, ?> user)) {
            throw malformed();
        }
        Object version = claims.get("version");
        if (version != null && !(version instanceof String)) {
            throw malformed();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sessionMap = ClaimsValidator.frozen((Map<String, Object>) session, "session");
        @SuppressWarnings("unchecked")
        Map<String, Object> userMap = ClaimsValidator.frozen((Map<String, Object>) user, "user");
        if (!(userMap.get("id") instanceof String id) || id.isEmpty() || !id.equals(sessionMap.get("userId"))
                || !(sessionMap.get("token") instanceof String) || !(sessionMap.get("id") instanceof String)) {
            throw malformed();
        }
        return new CookieCachePayload(sessionMap, userMap, (String) version, expiresAtMillis);
    }

    /** The session token the cache speaks for: it must equal the session cookie's. */
    String sessionToken() {
        return (String) session.get("token");
    }

    /**
     * The user, if the cache and the session it holds are both still valid at {@code nowMillis}.
     *
     * @param skewMillis how far past its expiry the cache may be (Better Auth allows 15 s for JWT and JWE caches)
     * @param issuer     Better Auth's origin, for {@link AuthenticatedUser#issuer()}
     * @throws TokenVerificationException {@code EXPIRED} for an expired cache or session, {@code MALFORMED} for a
     *                                    session without a valid expiry
     */
    AuthenticatedUser user(long nowMillis, long skewMillis, String issuer) throws TokenVerificationException {
        if (expiresAtMillis + skewMillis <= nowMillis) {
            throw new TokenVerificationException(EXPIRED, "The session's cookie cache has expired");
        }
        Instant sessionExpiresAt = SessionUser.instant(session.get("expiresAt"));
        if (sessionExpiresAt == null) {
            throw malformed();
        }
        if (sessionExpiresAt.toEpochMilli() <= nowMillis) {
            throw new TokenVerificationException(EXPIRED, "The session has expired");
        }
        return SessionUser.of(session, user, sessionExpiresAt, issuer, CredentialKind.SESSION_COOKIE_CACHE);
    }

    private static TokenVerificationException malformed() {
        return new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
    }

    @Override
    public String toString() {
        return "CookieCachePayload[...]";
    }
}

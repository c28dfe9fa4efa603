package dev.betterauth4j.core;

import javax.crypto.Mac;

import java.time.Clock;
import java.util.Map;

import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MISSING;

/**
 * Reads Better Auth's session cookie cache ({@code session_data}) in whichever of its strategies it was written,
 * recognised by its shape (none is configured by hand): no dot is {@code compact}, five parts are {@code jwe}, three
 * parts are a JWS, which the {@code jwt} plugin's {@code sessionCookieCache} signs with the key set
 * ({@code typ: better-auth.session-cache+jwt}) and the {@code jwt} strategy otherwise signs with the secret (HS256).
 *
 * <p>A cache speaks for a session only next to that session's own cookie: its session token must equal the token of
 * the {@code session_token} cookie, whose signature the caller has already checked (as Better Auth requires). Then the
 * cache and the session it holds must both be unexpired, and its {@code version} the configured one, if any.
 */
final class CookieCacheReader {

    /** The JWT and JWE caches are verified with Better Auth's own tolerance; compact and HS256 with none. */
    static final long SKEW_MILLIS = 15_000;

    /** HMAC-SHA256 with the current secret, copied for each compact cache. */
    private final Mac hmac;
    private final SignedCookieCache signed;
    private final EncryptedCookieCache encrypted;
    private final JwtVerifier keySetSigned;
    private final String version;
    private final String issuer;
    private final Clock clock;

    /**
     * @param secrets      Better Auth's secrets
     * @param keySetSigned verifies the key-set-signed cache (its own profile), or null without a key set
     * @param version      the {@code version} the cache must have, or null for any
     * @param issuer       Better Auth's origin, for the user's {@code issuer()}
     */
    CookieCacheReader(BetterAuthSecrets secrets, JwtVerifier keySetSigned, String version, String issuer,
                      Clock clock) {
        this.hmac = SessionToken.hmac(secrets.current());
        this.signed = new SignedCookieCache(secrets.current());
        this.encrypted = new EncryptedCookieCache(secrets.all());
        this.keySetSigned = keySetSigned;
        this.version = version;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * The user of the cache, for the session whose (verified) token is {@code sessionToken}.
     *
     * @param cookies the {@code session_data} cookie, or its chunks, by name
     * @throws TokenVerificationException why the cache cannot speak for the session: {@code MISSING} without one,
     *                                    {@code MALFORMED}, {@code BAD_SIGNATURE}, {@code EXPIRED}, ...
     */
    AuthenticatedUser read(String sessionToken, String baseName, Map<String, String> cookies)
            throws TokenVerificationException {
        String value = SessionDataCookie.reassemble(baseName, cookies);
        if (value == null) {
            throw new TokenVerificationException(MISSING, "The session has no cookie cache");
        }
        int dots = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '.') {
                dots++;
            }
        }
        long now = clock.millis();
        CookieCachePayload payload;
        long skew = SKEW_MILLIS;
        if (dots == 0) {
            payload = CompactCookieCache.read(value, SessionToken.copy(hmac));
            skew = 0;
        } else if (dots == 4) {
            payload = encrypted.read(value);
        } else if (dots == 2 && keySetSigned != null && isKeySetSigned(value)) {
            payload = keySetSigned(value);
        } else if (dots == 2) {
            payload = signed.read(value);
            skew = 0;
        } else {
            throw new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
        }
        if (!sessionToken.equals(payload.sessionToken())) {
            throw new TokenVerificationException(TokenVerificationException.Reason.UNKNOWN_SESSION, "The session's"
                    + " cookie cache is another session's");
        }
        if (version != null && !version.equals(payload.version() == null ? "1" : payload.version())) {
            throw new TokenVerificationException(TokenVerificationException.Reason.EXPIRED, "The session's cookie"
                    + " cache is of another version");
        }
        return payload.user(now, skew, issuer);
    }

    /** Whether a JWS's header names the key-set-signed session cache ({@code typ}), without verifying anything. */
    private static boolean isKeySetSigned(String value) {
        try {
            String header = Base64UrlParts.decodeToString(value.substring(0, value.indexOf('.')));
            return header.contains("better-auth.session-cache+jwt");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The key-set-signed cache through its own JWT profile, which also checks {@code sid} and {@code sub}. */
    private CookieCachePayload keySetSigned(String value) throws TokenVerificationException {
        AuthenticatedUser verified = keySetSigned.verify(value);
        Map<String, Object> claims = verified.claims();
        CookieCachePayload payload = CookieCachePayload.of(claims, verified.expiresAt().toEpochMilli());
        if (!payload.sessionToken().equals(claims.get("sid")) || !verified.id().equals(payload.user().get("id"))) {
            throw new TokenVerificationException(MALFORMED, "The session's cookie cache contradicts itself");
        }
        return payload;
    }

    @Override
    public String toString() {
        return "CookieCacheReader[compact, jwt, jwe" + (keySetSigned == null ? "" : ", key set") + "]";
    }
}

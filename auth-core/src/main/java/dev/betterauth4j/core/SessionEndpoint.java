package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static dev.betterauth4j.core.TokenVerificationException.Reason.EXPIRED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.UNKNOWN_SESSION;

/**
 * Asks Better Auth who a session token belongs to: {@code GET {base}/get-session?disableCookieCache=true&
 * disableRefresh=true} (read the database, not a cookie cache; never extend the session as a side effect), sending the
 * credential and nothing else of the client's request, the way the client sent it (the same cookie, or the same bearer
 * header).
 *
 * <p>{@code 200 {session, user}} is the user; {@code 200 null} means Better Auth knows no live session
 * ({@code UNKNOWN_SESSION}). Anything else is an outage ({@code AUTH_SERVER_UNAVAILABLE}, 503): unreachable, too slow,
 * 5xx, a body that is not Better Auth's. A {@code 429} from Better Auth's rate limiter is an outage too, with its
 * {@code X-Retry-After} delay, and no further call is made until that delay has passed ({@link RateLimitPause}).
 */
final class SessionEndpoint implements AutoCloseable {

    /** The largest answer read: a session and a user, with room for additional fields. */
    static final int SIZE_LIMIT = 256 * 1024;

    private static final Logger LOGGER = System.getLogger(BetterAuthVerifier.class.getName());

    private final URI uri;
    private final String issuer;
    private final BoundedHttpClient http;
    private final Clock clock;
    private final RateLimitPause pause = new RateLimitPause("get-session");

    /**
     * @param uri    {@code {origin}{basePath}/get-session?disableCookieCache=true&disableRefresh=true}
     * @param issuer what {@link AuthenticatedUser#issuer()} says: Better Auth's origin
     */
    SessionEndpoint(URI uri, String issuer, BoundedHttpClient http, Clock clock) {
        this.uri = uri;
        this.issuer = issuer;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The user of a live session.
     *
     * @param cookieName the cookie the client sent the token in, or null if it sent a bearer header
     * @param presented  the value exactly as the client sent it
     * @throws TokenVerificationException {@code UNKNOWN_SESSION}, {@code EXPIRED}, or {@code AUTH_SERVER_UNAVAILABLE}
     */
    AuthenticatedUser fetch(String cookieName, String presented) throws TokenVerificationException {
        long now = clock.millis();
        pause.check(now);
        BoundedHttpClient.Answer answer;
        try {
            answer = http.get(uri, cookieName == null ? Map.of("Authorization", "Bearer " + presented,
                    "Accept", "application/json") : Map.of("Cookie", cookieName + "=" + presented,
                    "Accept", "application/json"), 0);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, () -> "Better Auth's get-session could not be called: " + e.getMessage());
            throw unavailable();
        }
        if (answer.status() == 429) {
            throw pause.pause(answer, now);
        }
        if (answer.status() != 200) {
            LOGGER.log(Level.WARNING, () -> "Better Auth's get-session answered HTTP " + answer.status());
            throw unavailable();
        }
        return user(new String(answer.body(), StandardCharsets.UTF_8).trim(), now);
    }

    private AuthenticatedUser user(String body, long now) throws TokenVerificationException {
        if (body.equals("null")) {
            throw new TokenVerificationException(UNKNOWN_SESSION, "The session is unknown, has ended or has expired");
        }
        Map<String, Object> answer;
        try {
            answer = JSONObjectUtils.parse(body);
        } catch (ParseException | RuntimeException e) {
            answer = null;
        }
        if (answer == null || !(answer.get("session") instanceof Map<?, ?> session)
                || !(answer.get("user") instanceof Map<?, ?> user)) {
            throw unexpected("not a session and a user");
        }
        Object userId = user.get("id");
        Object sessionId = session.get("id");
        if (!(userId instanceof String id) || id.isEmpty() || !userId.equals(session.get("userId"))
                || !(sessionId instanceof String)) {
            throw unexpected("the session's user ids do not agree");
        }
        Instant expiresAt = SessionUser.instant(session.get("expiresAt"));
        if (expiresAt == null) {
            throw unexpected("the session has no expiry");
        }
        if (!expiresAt.isAfter(Instant.ofEpochMilli(now))) {
            throw new TokenVerificationException(EXPIRED, "The session has expired");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = ClaimsValidator.frozen((Map<String, Object>) user, "user");
        return SessionUser.of(session, claims, expiresAt, issuer, CredentialKind.SESSION);
    }

    private static TokenVerificationException unexpected(String what) {
        LOGGER.log(Level.WARNING, () -> "Better Auth's get-session gave an answer that is not Better Auth's: " + what);
        return unavailable();
    }

    private static TokenVerificationException unavailable() {
        return RateLimitPause.unavailable();
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.betterauth4j.testkit;

import dev.betterauth4j.testkit.SessionServer.Session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link SessionServer} keeps as Better Auth keeps it: sessions by token, users by id, session tokens signed
 * with the secret, and the JSON Better Auth makes of them. Apart from the HTTP side so that the endpoint reads as
 * what it answers; thread-safe, as the server answers on several threads at once.
 */
final class SessionStore {

    private static final DateTimeFormatter ISO_STRING = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String secret;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    SessionStore(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** A new session for the user, whose record {@code userFields} completes; returns {@code token.signature}. */
    String signIn(String userId, Map<String, Object> userFields, Duration lifetime) {
        String token = randomId();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("name", "User " + userId);
        user.put("email", userId + "@example.com");
        user.put("emailVerified", true);
        user.put("createdAt", "2026-01-01T00:00:00.000Z");
        user.put("updatedAt", "2026-01-01T00:00:00.000Z");
        user.putAll(userFields);
        users.put(userId, user);
        // Better Auth keeps dates as JavaScript Dates: to the millisecond.
        sessions.put(token, new Session(randomId(), token, userId,
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.MILLIS)));
        return token + "." + sign(token);
    }

    /** The session of a bare token, whether or not it expired; null once it ended. */
    Session session(String token) {
        return sessions.get(token);
    }

    /** Ends a session, as {@code POST /sign-out} does. */
    void signOut(String token) {
        sessions.remove(token);
    }

    /** Better Auth's signature of a token: standard base64 of HMAC-SHA256 with the secret, with padding. */
    String sign(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session of a {@code token.signature} value whose signature is the secret's; else null. */
    Session verified(String value) {
        int dot = value.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String token = value.substring(0, dot);
        return sign(token).equals(value.substring(dot + 1)) ? sessions.get(token) : null;
    }

    /**
     * What {@code get-session} answers for a presented session: {@code {session, user}}, or null (JSON {@code null}
     * on the wire) when none was presented or it expired.
     */
    Map<String, Object> getSession(Session presented) {
        if (presented == null || !presented.expiresAt().isAfter(clock.instant())) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", sessionJson(presented));
        body.put("user", users.get(presented.userId()));
        return body;
    }

    /** The session's {@code session_data} cookie, as Better Auth sets it next to the session cookie. */
    String cookieCache(Session session, CookieCaches.Strategy strategy, Duration maxAge, String version,
                       String issuer, SigningKey key) {
        Map<String, Object> sessionJson = sessionJson(session);
        Instant now = clock.instant();
        return CookieCaches.make(strategy, sessionJson, users.get(session.userId()), version, secret, now,
                now.plus(maxAge), issuer, key);
    }

    /** The session row as Better Auth serialises it, in its field order. */
    private static Map<String, Object> sessionJson(Session session) {
        Map<String, Object> sessionJson = new LinkedHashMap<>();
        sessionJson.put("expiresAt", isoString(session.expiresAt()));
        sessionJson.put("token", session.token());
        sessionJson.put("createdAt", "2026-01-01T00:00:00.000Z");
        sessionJson.put("updatedAt", "2026-01-01T00:00:00.000Z");
        sessionJson.put("ipAddress", "127.0.0.1");
        sessionJson.put("userAgent", "");
        sessionJson.put("userId", session.userId());
        sessionJson.put("id", session.id());
        return sessionJson;
    }

    /** A 32-character alphanumeric ID, as Better Auth generates session ids and tokens. */
    private String randomId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** A date as Better Auth writes it: JavaScript's {@code Date.toISOString()}, milliseconds always written. */
    private static String isoString(Instant instant) {
        return ISO_STRING.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

package dev.betterauth4j.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user of a Better Auth session, from its session row and user row, the same whichever way they were read
 * ({@code get-session}, or the cookie cache): the user's fields and every user field as a claim, Better Auth's origin
 * as issuer, the session's creation and expiry, its id.
 */
final class SessionUser {

    private SessionUser() {
    }

    /**
     * @param session   the session row, with a valid {@code expiresAt}
     * @param user      the user row, frozen, with its {@code id}
     * @param expiresAt the session's expiry, already read from {@code session}
     */
    static AuthenticatedUser of(Map<?, ?> session, Map<String, Object> user, Instant expiresAt, String issuer,
                                CredentialKind kind) {
        return new AuthenticatedUser((String) user.get("id"), text(user.get("email")), text(user.get("name")),
                Boolean.TRUE.equals(user.get("emailVerified")), text(user.get("image")), issuer, List.of(),
                instant(session.get("createdAt")), expiresAt, user, kind, SubjectType.USER,
                (String) session.get("id"), null, Set.of());
    }

    /** An ISO-8601 instant, as Better Auth writes dates; null for anything else. */
    static Instant instant(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}

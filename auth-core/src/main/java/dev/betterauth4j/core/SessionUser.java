package dev.betterauth4j.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
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
        Instant iso = toIsoString(text);
        if (iso != null) {
            return iso;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The form of JavaScript's {@code Date.toISOString()}, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, which is how Better Auth
     * writes every date (with 0 to 9 digits of fraction), read without a formatter, on the cookie cache's hot path;
     * null for any other text (offsets, leap seconds, {@code 24:00}, ...), which {@link Instant#parse} then reads.
     */
    private static Instant toIsoString(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || length > 20 && (length == 21 || text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length == 20 ? 0 : digits(text, 20, length - 1);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        long nanos = fraction;
        for (int scale = length - 21; scale < 9 && length > 20; scale++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written in ASCII digits at {@code [from, to)}, or -1. */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;

/**
 * Better Auth's default cookie cache strategy, {@code compact}: base64url (no padding) of
 * {@code {"session":<sessionData>,"expiresAt":<ms>,"signature":"<base64url HMAC>"}}, where the HMAC-SHA256 (key: the
 * secret's UTF-8 bytes) is over {@code JSON.stringify({...sessionData, expiresAt})}.
 *
 * <p>That text is rebuilt from the raw text Better Auth wrote, never by serialising again (key order, escaping and
 * number formats would differ): the {@code "session"} member's text without its final {@code }}, then
 * {@code ,"expiresAt":<the same digits>}}. {@code JSON.stringify} writes no white space and this key order, so the
 * outer text must match that exact form; only after the HMAC matched is the session text parsed, and what is parsed is
 * exactly what was signed.
 */
final class CompactCookieCache {

    private static final String PREFIX = "{\"session\":";
    private static final String EXPIRES_AT = ",\"expiresAt\":";
    private static final String SIGNATURE = ",\"signature\":\"";
    private static final String SUFFIX = "\"}";
    private static final int SIGNATURE_LENGTH = 43;
    private static final int MAX_DIGITS = 16;
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder BASE64URL_NO_PADDING = Base64.getUrlEncoder().withoutPadding();

    private CompactCookieCache() {
    }

    /**
     * The verified payload of a {@code compact} cache.
     *
     * @param hmac HMAC-SHA256 with the current secret, of the caller's own (not shared between threads)
     * @throws TokenVerificationException {@code MALFORMED} or {@code BAD_SIGNATURE}
     */
    static CookieCachePayload read(String value, Mac hmac) throws TokenVerificationException {
        String text;
        try {
            text = new String(BASE64URL.decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        // The outer text is PREFIX session EXPIRES_AT digits SIGNATURE signature SUFFIX, read from its end: the
        // signature and the digits cannot hold the separators, so there is one way to split it, and the session is
        // everything between the first and the last separator.
        int signatureEnd = text.length() - SUFFIX.length();
        int signatureStart = signatureEnd - SIGNATURE_LENGTH;
        int digitsEnd = signatureStart - SIGNATURE.length();
        if (!text.startsWith(PREFIX) || !text.endsWith(SUFFIX) || digitsEnd < 0
                || !text.startsWith(SIGNATURE, digitsEnd) || !base64Url(text, signatureStart, signatureEnd)) {
            throw malformed();
        }
        int digitsStart = digitsEnd;
        while (digitsStart > 0 && digitsEnd - digitsStart < MAX_DIGITS && isDigit(text.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        int sessionEnd = digitsStart - EXPIRES_AT.length();
        if (digitsStart == digitsEnd || text.charAt(digitsStart) == '0' || sessionEnd < PREFIX.length() + 2
                || !text.startsWith(EXPIRES_AT, sessionEnd) || text.charAt(PREFIX.length()) != '{'
                || text.charAt(sessionEnd - 1) != '}') {
            throw malformed();
        }
        String session = text.substring(PREFIX.length(), sessionEnd);
        String signed = text.substring(PREFIX.length(), sessionEnd - 1) + text.substring(sessionEnd, digitsEnd) + "}";
        byte[] expected = BASE64URL_NO_PADDING.encode(hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected,
                text.substring(signatureStart, signatureEnd).getBytes(StandardCharsets.US_ASCII))) {
            throw new TokenVerificationException(BAD_SIGNATURE, "The session's cookie cache has no valid signature");
        }
        Map<String, Object> claims;
        try {
            claims = JSONObjectUtils.parse(session);
        } catch (ParseException | RuntimeException e) {
            throw malformed();
        }
        if (claims == null || claims.containsKey("expiresAt")) {
            // Better Auth appends expiresAt; a session object that had one would make the signed text ambiguous.
            throw malformed();
        }
        return CookieCachePayload.of(claims, Long.parseLong(text, digitsStart, digitsEnd, 10));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean base64Url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static TokenVerificationException malformed() {
        return new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
    }
}

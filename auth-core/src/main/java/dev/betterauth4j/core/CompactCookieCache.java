package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Arrays;
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
 * the UTF-8 text of exactly the bytes that were signed.
 */
final class CompactCookieCache {

    private static final byte[] PREFIX = ascii("{\"session\":");
    private static final byte[] EXPIRES_AT = ascii(",\"expiresAt\":");
    private static final byte[] SIGNATURE = ascii(",\"signature\":\"");
    private static final byte[] SUFFIX = ascii("\"}");
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
        byte[] json;
        try {
            json = BASE64URL.decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        // The outer text is PREFIX session EXPIRES_AT digits SIGNATURE signature SUFFIX, read from its end: the
        // signature and the digits cannot hold the separators, so there is one way to split it, and the session is
        // everything between the first and the last separator. It is read as bytes: in UTF-8 the ASCII of the
        // separators never occurs inside another character, and the HMAC is over the very bytes Better Auth signed.
        int signatureEnd = json.length - SUFFIX.length;
        int signatureStart = signatureEnd - SIGNATURE_LENGTH;
        int digitsEnd = signatureStart - SIGNATURE.length;
        if (digitsEnd < 0 || !at(json, 0, PREFIX) || !at(json, signatureEnd, SUFFIX) || !at(json, digitsEnd, SIGNATURE)
                || !base64Url(json, signatureStart, signatureEnd)) {
            throw malformed();
        }
        int digitsStart = digitsEnd;
        while (digitsStart > 0 && digitsEnd - digitsStart < MAX_DIGITS && isDigit(json[digitsStart - 1])) {
            digitsStart--;
        }
        int sessionStart = PREFIX.length;
        int sessionEnd = digitsStart - EXPIRES_AT.length;
        if (digitsStart == digitsEnd || json[digitsStart] == '0' || sessionEnd < sessionStart + 2
                || !at(json, sessionEnd, EXPIRES_AT) || json[sessionStart] != '{' || json[sessionEnd - 1] != '}') {
            throw malformed();
        }
        // Signed: JSON.stringify({...session, expiresAt}), the session's text without its "}" and then the rest.
        hmac.update(json, sessionStart, sessionEnd - 1 - sessionStart);
        hmac.update(json, sessionEnd, digitsEnd - sessionEnd);
        hmac.update((byte) '}');
        byte[] expected = BASE64URL_NO_PADDING.encode(hmac.doFinal());
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(json, signatureStart, signatureEnd))) {
            throw new TokenVerificationException(BAD_SIGNATURE, "The session's cookie cache has no valid signature");
        }
        Map<String, Object> claims;
        try {
            claims = JSONObjectUtils.parse(new String(json, sessionStart, sessionEnd - sessionStart,
                    StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw malformed();
        }
        if (claims == null || claims.containsKey("expiresAt")) {
            // Better Auth appends expiresAt; a session object that had one would make the signed text ambiguous.
            throw malformed();
        }
        long expiresAt = 0;
        for (int i = digitsStart; i < digitsEnd; i++) {
            expiresAt = expiresAt * 10 + (json[i] - '0');
        }
        return CookieCachePayload.of(claims, expiresAt);
    }

    /** Whether {@code json} holds {@code expected} at {@code offset}. */
    private static boolean at(byte[] json, int offset, byte[] expected) {
        return offset >= 0 && offset + expected.length <= json.length
                && Arrays.equals(json, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean base64Url(byte[] json, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = json[i];
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || isDigit(b) || b == '-' || b == '_')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static TokenVerificationException malformed() {
        return new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern OUTER = Pattern.compile(
            "\\{\"session\":(\\{.*}),\"expiresAt\":([1-9][0-9]{0,15}),\"signature\":\"([A-Za-z0-9_-]{43})\"}",
            Pattern.DOTALL);
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
        Matcher outer = OUTER.matcher(text);
        if (!outer.matches()) {
            throw malformed();
        }
        String session = outer.group(1);
        String expiresAt = outer.group(2);
        String signed = session.substring(0, session.length() - 1) + ",\"expiresAt\":" + expiresAt + "}";
        byte[] expected = BASE64URL_NO_PADDING.encode(hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected, outer.group(3).getBytes(StandardCharsets.US_ASCII))) {
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
        return CookieCachePayload.of(claims, Long.parseLong(expiresAt));
    }

    private static TokenVerificationException malformed() {
        return new TokenVerificationException(MALFORMED, "The session's cookie cache is not Better Auth's");
    }
}

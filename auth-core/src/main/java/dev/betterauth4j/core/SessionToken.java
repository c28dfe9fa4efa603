package dev.betterauth4j.core;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import static dev.betterauth4j.core.TokenVerificationException.Reason.BAD_SIGNATURE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MISSING;
import static dev.betterauth4j.core.TokenVerificationException.Reason.TOO_LARGE;

/**
 * A Better Auth session token as a client presents it: the {@code session_token} cookie's value, or the
 * {@code bearer} plugin's {@code Authorization: Bearer} value. Both are {@code token.signature}, URL-encoded or not,
 * where the signature is the standard base64 (with padding, 44 characters) of HMAC-SHA256 over the token with the
 * current secret. A bearer value may also be the bare token, which Better Auth's {@code bearer()} accepts unless
 * {@code requireSignature} is set.
 *
 * @param token     the session token (an opaque id in Better Auth's database)
 * @param signature the signature as presented, or null for a bare token
 * @param canonical {@code token.signature} (or the bare token), URL-decoded: what Better Auth verifies
 */
record SessionToken(String token, String signature, String canonical) {

    /** Longest presented value decoded; Better Auth's are 32 + 1 + 44 characters. */
    static final int MAX_LENGTH = 512;
    private static final int SIGNATURE_LENGTH = 44;
    private static final boolean[] TOKEN_CHARS = new boolean[128];
    private static final boolean[] BASE64_CHARS = new boolean[128];

    static {
        String alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (char c : (alphanumeric + "-_").toCharArray()) {
            TOKEN_CHARS[c] = true;
        }
        for (char c : (alphanumeric + "+/").toCharArray()) {
            BASE64_CHARS[c] = true;
        }
    }

    /**
     * Parses a presented value.
     *
     * @param fromCookie whether it came in a cookie (always signed) rather than a bearer header
     * @param acceptBare whether a bearer value may be a bare token without signature
     * @throws TokenVerificationException {@code MISSING}, {@code TOO_LARGE}, {@code MALFORMED}, or
     *                                    {@code BAD_SIGNATURE} for a bare token that is not accepted
     */
    static SessionToken parse(String presented, boolean fromCookie, boolean acceptBare)
            throws TokenVerificationException {
        if (presented == null || presented.isEmpty()) {
            throw new TokenVerificationException(MISSING, "No session token was presented");
        }
        if (presented.length() > MAX_LENGTH * 3) {
            throw new TokenVerificationException(TOO_LARGE, "The session token is longer than " + MAX_LENGTH
                    + " characters");
        }
        String decoded = presented.indexOf('%') < 0 ? presented : percentDecoded(presented);
        if (decoded.length() > MAX_LENGTH) {
            throw new TokenVerificationException(TOO_LARGE, "The session token is longer than " + MAX_LENGTH
                    + " characters");
        }
        int dot = decoded.lastIndexOf('.');
        if (dot < 0) {
            if (fromCookie || !acceptBare) {
                throw new TokenVerificationException(BAD_SIGNATURE, "The session token is not signed");
            }
            checkToken(decoded);
            return new SessionToken(decoded, null, decoded);
        }
        String token = decoded.substring(0, dot);
        String signature = decoded.substring(dot + 1);
        checkToken(token);
        if (signature.length() != SIGNATURE_LENGTH || signature.charAt(SIGNATURE_LENGTH - 1) != '='
                || !only(signature, 0, SIGNATURE_LENGTH - 1, BASE64_CHARS)) {
            throw new TokenVerificationException(MALFORMED, "The session token's signature is not a Better Auth"
                    + " signature");
        }
        return new SessionToken(token, signature, decoded);
    }

    /**
     * The session cache's key for a presented value: the SHA-256 of what Better Auth verifies ({@code token.signature}
     * URL-decoded), so the cookie and the bearer form of one session share an entry; a bare token (bearer only) is
     * kept apart, so that it never answers for a cookie, which must be signed.
     *
     * @return the key, or null for a value that cannot be a session token (broken URL-encoding)
     */
    static String cacheKey(String presented, boolean fromCookie) {
        if (presented.isEmpty() || presented.length() > MAX_LENGTH * 3) {
            return null;
        }
        String canonical;
        try {
            canonical = presented.indexOf('%') < 0 ? presented : percentDecoded(presented);
        } catch (TokenVerificationException e) {
            return null;
        }
        boolean bare = canonical.indexOf('.') < 0;
        if (bare && fromCookie) {
            return null;
        }
        return RemoteAnswerCache.key(bare ? "bare:" + canonical : canonical);
    }

    boolean signed() {
        return signature != null;
    }

    /**
     * Whether the signature is HMAC-SHA256 of the token with {@code secret}, compared in constant time.
     *
     * @param hmac a MAC initialised with the secret (not shared between threads)
     */
    boolean signedWith(Mac hmac) {
        String expected = Base64.getEncoder().encodeToString(hmac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A MAC for {@link #signedWith}: HMAC-SHA256 keyed with the secret's bytes, as Better Auth keys it. */
    static Mac hmac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    /** A MAC of one's own: {@link Mac} is not thread-safe, and cloning an initialised one skips the key set-up. */
    static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be copied", e);
        }
    }

    private static void checkToken(String token) throws TokenVerificationException {
        if (token.isEmpty() || !only(token, 0, token.length(), TOKEN_CHARS)) {
            throw new TokenVerificationException(MALFORMED, "The session token is not a Better Auth session token");
        }
    }

    private static boolean only(String text, int from, int to, boolean[] allowed) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * decodeURIComponent: %XX escapes only ({@code +} stays {@code +}); a broken escape is malformed. Better Auth's
     * values escape only ASCII ({@code +}, {@code /}, {@code =}), decoded here; anything else goes to the JDK's
     * UTF-8 decoder.
     */
    private static String percentDecoded(String value) throws TokenVerificationException {
        int length = value.length();
        char[] decoded = new char[length];
        int end = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < length ? hexDigit(value.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hexDigit(value.charAt(i + 2));
                if (low < 0) {
                    throw notUrlEncoded();
                }
                c = (char) (high << 4 | low);
                if (c >= 0x80) {
                    return utf8Decoded(value);
                }
                i += 2;
            }
            decoded[end++] = c;
        }
        return new String(decoded, 0, end);
    }

    private static String utf8Decoded(String value) throws TokenVerificationException {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notUrlEncoded();
        }
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static TokenVerificationException notUrlEncoded() {
        return new TokenVerificationException(MALFORMED, "The session token is not validly URL-encoded");
    }

    @Override
    public String toString() {
        return "SessionToken[...]";
    }
}

package dev.betterauth4j.servlet;

import dev.betterauth4j.core.Credential;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;

/**
 * Reads bearer credentials from {@code Authorization} header values, strictly as RFC 6750 §2.1 and RFC 9110
 * §11.4 define them: {@code credentials = "Bearer" 1*SP b64token}, the scheme matched case-insensitively,
 * {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}.
 *
 * <ul>
 *   <li>no header, or a header for another scheme ({@code Basic ...}): no bearer credentials;</li>
 *   <li>more than one header, {@code Bearer} with an empty token, or a token that breaks the b64token
 *       syntax (spaces inside, control or non-ASCII characters, a second token): {@code invalid_request};</li>
 *   <li>otherwise the token, unchanged, for the verifier to judge.</li>
 * </ul>
 * It never looks at the query string or the body: RFC 6750's other two methods are not supported.
 *
 * <p>{@link #parse} checks all of this. {@link #read} checks all but the token's characters, leaving that to
 * {@link BearerCredentials#checked()}: the filter hands the token to the verifier first and checks its characters
 * only when verification fails. Every token the verifier accepts is three base64url parts joined by dots, which is a
 * {@code b64token}, so the answer to any request is the same as with the check first; on a token-cache hit it saves
 * a pass over 600 to 850 characters, which on a trivial endpoint is measurable in the load test.
 */
final class BearerTokenParser {

    private static final String SCHEME = "bearer";

    private BearerTokenParser() {
    }

    /**
     * Reads the request's credentials without checking the token's characters (see the class comment); the filter's
     * entry point.
     *
     * @param headerValues every {@code Authorization} header of the request, as the container enumerates them
     */
    static BearerCredentials read(Enumeration<String> headerValues) {
        if (headerValues == null || !headerValues.hasMoreElements()) {
            return BearerCredentials.ABSENT;
        }
        String first = headerValues.nextElement();
        if (headerValues.hasMoreElements()) {
            return BearerCredentials.invalid("The request has more than one Authorization header");
        }
        return read(first);
    }

    /**
     * Parses the request's credentials, the token's characters included.
     *
     * @param headerValues every {@code Authorization} header of the request, in order
     */
    static BearerCredentials parse(List<String> headerValues) {
        return read(Collections.enumeration(headerValues)).checked();
    }

    static BearerCredentials parse(String value) {
        return read(value).checked();
    }

    /** As {@link #parse(String)}, without checking the token's characters: see the class comment. */
    static BearerCredentials read(String value) {
        return read(value, SCHEME, Credential.Bearer::new);
    }

    /**
     * Reads credentials of an auth-scheme whose credentials are one {@code token68} as Bearer's are (RFC 9449 §7.1's
     * {@code DPoP} too), without checking the token's characters.
     *
     * @param scheme     the scheme, lower case
     * @param credential makes the credential of a token
     */
    static BearerCredentials read(String value, String scheme, Function<String, Credential> credential) {
        if (value == null) {
            return BearerCredentials.ABSENT;
        }
        if (!value.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return BearerCredentials.ABSENT;
        }
        int end = value.length();
        if (end > scheme.length() && value.charAt(scheme.length()) != ' ') {
            // "Bearerx ..." is another auth-scheme, unless it is a separator that makes the header garbage.
            return isTokenChar(value.charAt(scheme.length())) ? BearerCredentials.ABSENT
                    : BearerCredentials.invalid("The Authorization header is not valid " + scheme + " credentials");
        }
        int start = scheme.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        if (start == end) {
            return BearerCredentials.invalid("The " + scheme + " token is empty");
        }
        return BearerCredentials.uncheckedToken(credential.apply(value.substring(start, end)),
                "The " + scheme + " token has characters RFC 6750 does not allow");
    }

    /** A single token taken from a cookie must obey the same syntax as one from the header. */
    static BearerCredentials fromCookieValue(String name, String value) {
        return readCookieValue(name, value).checked();
    }

    /** As {@link #fromCookieValue(String, String)}, without checking the token's characters. */
    static BearerCredentials readCookieValue(String name, String value) {
        if (value == null || value.isEmpty()) {
            return BearerCredentials.invalid("The token cookie is empty");
        }
        return BearerCredentials.uncheckedToken(new Credential.TokenCookie(name, value),
                "The token cookie has characters a token may not contain");
    }

    static boolean isB64Token(String value, int start, int end) {
        int i = start;
        while (i < end && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && value.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/".toCharArray()) {
            TOKEN_CHARS[c] = true;
        }
    }

    private static boolean isTokenChar(char c) {
        return c < 128 && TOKEN_CHARS[c];
    }
}

package dev.betterauth4j.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Better Auth's {@code session_data} cookie, whole or in chunks: a value longer than about 4 KB is split into
 * {@code <name>.0}, {@code <name>.1}, ..., joined back in index order. The chunks must run from {@code .0} without a
 * gap, and never come with the whole cookie as well; at most {@value #MAX_CHUNKS} chunks and {@value #MAX_LENGTH}
 * characters in all, so a request cannot make the verifier join and decode without bound.
 */
final class SessionDataCookie {

    static final int MAX_CHUNKS = 32;
    static final int MAX_LENGTH = 128 * 1024;

    private SessionDataCookie() {
    }

    /**
     * The cache's value, URL-decoded.
     *
     * @param baseName the whole cookie's name, e.g. {@code better-auth.session_data}
     * @param cookies  the request's cookies of that name and its chunks' names
     * @return the value, or null when there is none, or the cookies are inconsistent or too large
     */
    static String reassemble(String baseName, Map<String, String> cookies) {
        if (cookies == null || cookies.isEmpty()) {
            return null;
        }
        String whole = cookies.get(baseName);
        if (whole != null) {
            return cookies.size() == 1 ? decoded(whole) : null;
        }
        if (cookies.size() > MAX_CHUNKS) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < cookies.size(); i++) {
            String chunk = cookies.get(baseName + "." + i);
            if (chunk == null || value.length() + chunk.length() > MAX_LENGTH) {
                return null;
            }
            value.append(chunk);
        }
        return decoded(value.toString());
    }

    private static String decoded(String value) {
        if (value.length() > MAX_LENGTH) {
            return null;
        }
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

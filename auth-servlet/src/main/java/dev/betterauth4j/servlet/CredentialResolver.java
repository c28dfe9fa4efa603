package dev.betterauth4j.servlet;

import dev.betterauth4j.core.Credential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the credentials a request offers, in the spirit of Spring Security's {@code DefaultBearerTokenResolver}: the
 * {@code Authorization} header (RFC 6750 §2.1, see {@link BearerTokenParser}); else Better Auth's session cookie,
 * under the names the verifier reads ({@code __Secure-better-auth.session_token}, {@code better-auth.session_token}),
 * with the session's cookie cache ({@code session_data}, whole or in chunks, named alike) when the request has one;
 * else, when configured, the application's token cookie. Never the query string or the body. Two headers, two session
 * cookies, or two token cookies are ambiguous and so {@code invalid_request}.
 *
 * @param sessionCookieNames the session cookies' names, empty when session credentials are off
 * @param cookieName         the cookie that may carry a JWT, or null for none
 * @param dpop               whether {@code Authorization: DPoP} (with its proof) is read too ({@link DpopCredentials}),
 *                           as it is when the verifier accepts OAuth access tokens
 */
record CredentialResolver(List<String> sessionCookieNames, String cookieName, boolean dpop) {

    CredentialResolver {
        sessionCookieNames = List.copyOf(sessionCookieNames);
    }

    BearerCredentials resolve(HttpServletRequest request) {
        BearerCredentials fromHeader = dpop ? DpopCredentials.read(request)
                : BearerTokenParser.read(request.getHeaders("Authorization"));
        if (fromHeader.kind() != BearerCredentials.Kind.ABSENT
                || (sessionCookieNames.isEmpty() && cookieName == null)) {
            return fromHeader;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return BearerCredentials.ABSENT;
        }
        List<Cookie> sessions = new ArrayList<>(1);
        List<Cookie> tokens = new ArrayList<>(1);
        for (Cookie cookie : cookies) {
            if (sessionCookieNames.contains(cookie.getName())) {
                sessions.add(cookie);
            } else if (cookie.getName().equals(cookieName)) {
                tokens.add(cookie);
            }
        }
        if (sessions.size() > 1) {
            return BearerCredentials.invalid("The request has more than one session cookie");
        }
        if (sessions.size() == 1) {
            Cookie session = sessions.get(0);
            if (session.getValue() == null || session.getValue().isEmpty()) {
                return BearerCredentials.invalid("The session cookie is empty");
            }
            Map<String, String> cache = cookieCache(cookies, session.getName());
            return cache == null ? BearerCredentials.invalid("The request has a session_data cookie twice")
                    : BearerCredentials.token(new Credential.SessionCookie(session.getName(), session.getValue(), cache));
        }
        if (tokens.size() > 1) {
            return BearerCredentials.invalid("The request has more than one token cookie");
        }
        return tokens.isEmpty() ? BearerCredentials.ABSENT
                : BearerTokenParser.readCookieValue(cookieName, tokens.get(0).getValue());
    }

    /**
     * The session's cookie cache: {@code <prefix>.session_data} or its chunks {@code .0}, {@code .1}, ..., named like
     * the session cookie; null if a name comes twice (which one would be the cache?).
     */
    private static Map<String, String> cookieCache(Cookie[] cookies, String sessionCookieName) {
        String base = sessionCookieName.substring(0, sessionCookieName.length() - "session_token".length())
                + "session_data";
        String chunkPrefix = base + ".";
        Map<String, String> cache = new HashMap<>();
        for (Cookie cookie : cookies) {
            String name = cookie.getName();
            boolean chunk = name.length() > chunkPrefix.length() && name.startsWith(chunkPrefix)
                    && digits(name, chunkPrefix.length());
            if ((name.equals(base) || chunk) && cache.put(name, cookie.getValue() == null ? "" : cookie.getValue())
                    != null) {
                return null;
            }
        }
        return cache;
    }

    private static boolean digits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

package dev.betterauth4j.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the credentials a request offers, in the spirit of Spring Security's {@code DefaultBearerTokenResolver}: the
 * {@code Authorization} header (RFC 6750 §2.1, see {@link BearerTokenParser}), else, when configured, one cookie.
 * Never the query string or the body. Two headers, or two cookies of the configured name, are ambiguous and so
 * {@code invalid_request}.
 *
 * @param cookieName the cookie that may carry the token, or null for none
 */
record CredentialResolver(String cookieName) {

    BearerCredentials resolve(HttpServletRequest request) {
        BearerCredentials fromHeader = BearerTokenParser.read(request.getHeaders("Authorization"));
        if (fromHeader.kind() != BearerCredentials.Kind.ABSENT || cookieName == null) {
            return fromHeader;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return BearerCredentials.ABSENT;
        }
        List<String> values = new ArrayList<>(1);
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName())) {
                values.add(cookie.getValue());
            }
        }
        if (values.isEmpty()) {
            return BearerCredentials.ABSENT;
        }
        if (values.size() > 1) {
            return BearerCredentials.invalid("The request has more than one token cookie");
        }
        return BearerTokenParser.readCookieValue(cookieName, values.get(0));
    }
}

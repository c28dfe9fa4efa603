package dev.betterauth4j.core;

import java.util.Map;
import java.util.Objects;

/**
 * A credential as a request presents it, for {@link BetterAuthVerifier#verify(Credential)}, which decides its kind
 * ({@link CredentialKind}) and verifies it.
 *
 * <pre>{@code
 * AuthenticatedUser user = verifier.verify(new Credential.Bearer(token));
 * }</pre>
 */
public sealed interface Credential {

    /**
     * Whether the browser sends this credential by itself ("ambient", like a cookie), so that another site can make
     * a browser send it: a request that changes something then needs a trusted {@code Origin}.
     *
     * @return {@code true} for cookies
     */
    boolean ambient();

    /**
     * A token from {@code Authorization: Bearer <token>} (RFC 6750).
     *
     * @param token the token, as sent
     */
    record Bearer(String token) implements Credential {

        /**
         * @param token the token, as sent
         * @throws NullPointerException if {@code token} is null
         */
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public boolean ambient() {
            return false;
        }

        @Override
        public String toString() {
            return "Bearer[...]";
        }
    }

    /**
     * An access token from {@code Authorization: DPoP <token>} with the request's {@code DPoP} proof header
     * (RFC 9449 §7.1); verify it with {@link BetterAuthVerifier#verify(Credential, RequestContext)} and a context that
     * has the request's URL.
     *
     * @param token the access token, as sent after {@code DPoP }
     * @param proof the {@code DPoP} header's value, or null when the request had none
     */
    record DPoP(String token, String proof) implements Credential {

        /**
         * @param token the access token, as sent after {@code DPoP }
         * @param proof the {@code DPoP} header's value, or null
         * @throws NullPointerException if {@code token} is null
         */
        public DPoP {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public boolean ambient() {
            return false;
        }

        @Override
        public String toString() {
            return "DPoP[...]";
        }
    }

    /**
     * A token carried in a cookie the application chose (the filter's {@code cookie} option).
     *
     * @param name  the cookie's name
     * @param token the cookie's value
     */
    record TokenCookie(String name, String token) implements Credential {

        /**
         * @param name  the cookie's name
         * @param token the cookie's value
         * @throws NullPointerException if an argument is null
         */
        public TokenCookie {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public boolean ambient() {
            return true;
        }

        @Override
        public String toString() {
            return "TokenCookie[" + name + "]";
        }
    }

    /**
     * Better Auth's session cookie ({@code better-auth.session_token}, with its prefixes), as
     * {@link BetterAuthVerifier#sessionCookieNames()} names it, with the session's cookie cache when the request has
     * one ({@code better-auth.session_data}, or its chunks {@code .0}, {@code .1}, ..., with the same prefix).
     *
     * @param name        the session cookie's name
     * @param value       the session cookie's value as sent (URL-encoded {@code token.signature})
     * @param cookieCache the cookie cache's cookies by name, as sent; empty when there are none
     */
    record SessionCookie(String name, String value, Map<String, String> cookieCache) implements Credential {

        /**
         * @param name        the session cookie's name
         * @param value       the session cookie's value as sent
         * @param cookieCache the cookie cache's cookies by name; empty when there are none
         * @throws NullPointerException if an argument is null
         */
        public SessionCookie {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            cookieCache = Map.copyOf(Objects.requireNonNull(cookieCache, "cookieCache"));
        }

        /**
         * A session cookie without a cookie cache.
         *
         * @param name  the session cookie's name
         * @param value the session cookie's value as sent
         */
        public SessionCookie(String name, String value) {
            this(name, value, Map.of());
        }

        @Override
        public boolean ambient() {
            return true;
        }

        @Override
        public String toString() {
            return "SessionCookie[" + name + (cookieCache.isEmpty() ? "" : ", cookieCache=" + cookieCache.keySet())
                    + "]";
        }
    }
}

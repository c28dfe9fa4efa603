package dev.betterauth4j.core;

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
}

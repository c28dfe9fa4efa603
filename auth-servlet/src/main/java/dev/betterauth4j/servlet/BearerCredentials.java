package dev.betterauth4j.servlet;

import dev.betterauth4j.core.Credential;

/**
 * What a request offers as credentials: nothing, a token (from the {@code Authorization} header or the configured
 * cookie, as the {@link Credential} the verifier takes), or something that breaks RFC 6750's syntax (answered with 400
 * {@code invalid_request}).
 *
 * <p>A token from {@link BearerTokenParser#read} has not had its characters checked yet ({@link #checked()} does
 * that); one from {@link BearerTokenParser#parse} has.
 *
 * @param kind       which of the three
 * @param credential the credential when {@code kind} is {@link Kind#TOKEN}, else null
 * @param problem what is wrong when {@code kind} is {@link Kind#INVALID_REQUEST}, in words safe for clients; for
 *                an unchecked token, what to say if its characters turn out to break the syntax
 */
record BearerCredentials(Kind kind, Credential credential, String problem) {

    enum Kind { ABSENT, TOKEN, INVALID_REQUEST }

    static final BearerCredentials ABSENT = new BearerCredentials(Kind.ABSENT, null, null);

    static BearerCredentials token(Credential credential) {
        return new BearerCredentials(Kind.TOKEN, credential, null);
    }

    static BearerCredentials uncheckedToken(Credential credential, String problemIfMalformed) {
        return new BearerCredentials(Kind.TOKEN, credential, problemIfMalformed);
    }

    /** The token's text, or null when there is none. */
    String token() {
        return credential instanceof Credential.Bearer bearer ? bearer.token()
                : credential instanceof Credential.DPoP dpop ? dpop.token()
                : credential instanceof Credential.TokenCookie cookie ? cookie.token()
                : credential instanceof Credential.SessionCookie session ? session.value() : null;
    }

    /**
     * These credentials with the token's characters checked: a token that breaks the {@code b64token} syntax
     * becomes {@code invalid_request}.
     */
    BearerCredentials checked() {
        if (kind != Kind.TOKEN || problem == null || credential instanceof Credential.SessionCookie) {
            return this;
        }
        String token = token();
        return BearerTokenParser.isB64Token(token, 0, token.length()) ? token(credential) : invalid(problem);
    }

    static BearerCredentials invalid(String problem) {
        return new BearerCredentials(Kind.INVALID_REQUEST, null, problem);
    }

    @Override
    public String toString() {
        // An unchecked token's problem is only what would be said if its characters fail: not a problem yet.
        return "BearerCredentials[" + kind + (kind == Kind.INVALID_REQUEST ? ": " + problem : "") + "]";
    }
}

package dev.betterauth4j.servlet;

/**
 * What a request offers as bearer credentials: nothing, a token, or something that breaks RFC 6750's syntax
 * (answered with 400 {@code invalid_request}).
 *
 * <p>A token from {@link BearerTokenParser#read} has not had its characters checked yet ({@link #checked()} does
 * that); one from {@link BearerTokenParser#parse} has.
 *
 * @param kind    which of the three
 * @param token   the token when {@code kind} is {@link Kind#TOKEN}, else null
 * @param problem what is wrong when {@code kind} is {@link Kind#INVALID_REQUEST}, in words safe for clients; for
 *                an unchecked token, what to say if its characters turn out to break the syntax
 */
record BearerCredentials(Kind kind, String token, String problem) {

    enum Kind { ABSENT, TOKEN, INVALID_REQUEST }

    static final BearerCredentials ABSENT = new BearerCredentials(Kind.ABSENT, null, null);

    static BearerCredentials token(String token) {
        return new BearerCredentials(Kind.TOKEN, token, null);
    }

    static BearerCredentials uncheckedToken(String token, String problemIfMalformed) {
        return new BearerCredentials(Kind.TOKEN, token, problemIfMalformed);
    }

    /**
     * These credentials with the token's characters checked: a token that breaks the {@code b64token} syntax
     * becomes {@code invalid_request}.
     */
    BearerCredentials checked() {
        if (kind != Kind.TOKEN || problem == null) {
            return this;
        }
        return BearerTokenParser.isB64Token(token, 0, token.length()) ? token(token) : invalid(problem);
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

package dev.betterauth4j.servlet;

/**
 * What a request offers as bearer credentials: nothing, a syntactically valid token, or something that
 * breaks RFC 6750's syntax (answered with 400 {@code invalid_request}).
 *
 * @param kind    which of the three
 * @param token   the token when {@code kind} is {@link Kind#TOKEN}, else null
 * @param problem what is wrong when {@code kind} is {@link Kind#INVALID_REQUEST}, in words safe for clients
 */
record BearerCredentials(Kind kind, String token, String problem) {

    enum Kind { ABSENT, TOKEN, INVALID_REQUEST }

    static final BearerCredentials ABSENT = new BearerCredentials(Kind.ABSENT, null, null);

    static BearerCredentials token(String token) {
        return new BearerCredentials(Kind.TOKEN, token, null);
    }

    static BearerCredentials invalid(String problem) {
        return new BearerCredentials(Kind.INVALID_REQUEST, null, problem);
    }

    @Override
    public String toString() {
        return "BearerCredentials[" + kind + (problem == null ? "" : ": " + problem) + "]";
    }
}

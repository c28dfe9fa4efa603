package dev.betterauth4j.core;

/**
 * What the subject of a verified credential is.
 */
public enum SubjectType {

    /** A Better Auth user: {@link AuthenticatedUser#id()} is the user id. */
    USER,

    /**
     * An OAuth client acting for itself (the {@code client_credentials} grant): there is no user, and
     * {@link AuthenticatedUser#id()} is the client id.
     */
    CLIENT
}

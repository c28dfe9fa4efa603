package dev.betterauth4j.demo;

/**
 * A reason the demo cannot start that the person starting it can fix (the database is in use by another process,
 * ...). {@link TaskDemo#main} prints its message alone and exits with status 2: no stack trace.
 */
final class StartFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
        super(message, null, false, false);
    }
}

package dev.betterauth4j.demo;

import java.sql.SQLException;

/**
 * What the demo may say about a {@link SQLException}, and whether the request or the database is at fault. The
 * exception's message is never used: drivers quote the statement's values in it (H2's "Value too long for column
 * ... 'the task's title'"), and task text must not reach the log.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * SQLState class 22 (data exception: a value too long, a character the encoding cannot store) or 23 (integrity
     * constraint violation): the database refused a value of the request; it is not unavailable.
     */
    static boolean isRefusedValue(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The exception's type, SQLState and vendor code: enough to diagnose, nothing the user wrote. */
    static String describe(SQLException e) {
        return e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ", error code " + e.getErrorCode()
                + ")";
    }
}

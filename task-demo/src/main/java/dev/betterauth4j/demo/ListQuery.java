package dev.betterauth4j.demo;

import java.util.Map;

/**
 * The query of {@code GET /api/tasks}, parsed once; each parameter may be given once at most.
 *
 * @param completed only the completed tasks ({@code true}), only the open ones ({@code false}), or all (null: absent)
 * @param limit     how many tasks at most: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent
 * @param offset    how many to skip: 0 to {@value #MAX_OFFSET}, 0 when absent
 */
record ListQuery(Boolean completed, int limit, long offset) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    /** Paging deeper than this is no use to a person, and costs the database a scan. */
    static final long MAX_OFFSET = 1_000_000;

    /**
     * Parses the request's parameters.
     *
     * @throws ProblemException 400 naming the parameter that is invalid or given twice
     */
    static ListQuery parse(Map<String, String[]> parameters) throws ProblemException {
        Boolean completed = completed(single(parameters, "completed"));
        int limit = (int) number(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = number(parameters, "offset", 0, 0, MAX_OFFSET);
        return new ListQuery(completed, limit, offset);
    }

    private static Boolean completed(String value) throws ProblemException {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid("completed", "must be true or false");
        };
    }

    private static long number(Map<String, String[]> parameters, String name, long fallback, long min, long max)
            throws ProblemException {
        String value = single(parameters, name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as a number out of range is
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    private static String single(Map<String, String[]> parameters, String name) throws ProblemException {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw ProblemException.invalid(name, "must be given once");
        }
        return values[0];
    }
}

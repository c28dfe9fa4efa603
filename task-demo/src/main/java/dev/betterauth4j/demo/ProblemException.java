package dev.betterauth4j.demo;

import java.util.List;
import java.util.Map;

/**
 * An error answer of the task API, turned into an RFC 9457 {@code application/problem+json} response.
 */
final class ProblemException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One invalid field of a request body or query. */
    record FieldError(String field, String message) {
    }

    private final int status;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    ProblemException(int status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    ProblemException(int status, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "The request is invalid: " + field + " " + message,
                List.of(new FieldError(field, message)), Map.of());
    }

    static ProblemException notFound(String what) {
        return new ProblemException(404, what);
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    static ProblemException methodNotAllowed(String method, List<String> allowed) {
        return new ProblemException(405, "Method " + method + " is not allowed here", List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    int status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }

    Map<String, String> headers() {
        return headers;
    }
}

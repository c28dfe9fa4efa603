package dev.betterauth4j.demo;

import java.util.List;
import java.util.Map;

/**
 * A refusal, thrown from wherever the demo finds the request wanting and answered by {@link JsonServlet} with its
 * {@link Problem} and headers. Thrown rather than written so that a refusal found deep in parsing or routing ends
 * the request there, with nothing half written.
 */
final class ProblemException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    ProblemException(int status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    ProblemException(int status, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.problem = new Problem(status, detail, errors);
        this.headers = Map.copyOf(headers);
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "The request is invalid: " + field + " " + message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    static ProblemException notFound(String what) {
        return new ProblemException(404, what);
    }

    static ProblemException noSuchTask() {
        return notFound("No such task");
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    static ProblemException methodNotAllowed(String method, List<String> allowed) {
        return new ProblemException(405, "Method " + method + " is not allowed here", List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    Problem problem() {
        return problem;
    }

    /** Headers the refusal needs besides the problem's ({@code Allow}, {@code WWW-Authenticate}, ...). */
    Map<String, String> headers() {
        return headers;
    }
}

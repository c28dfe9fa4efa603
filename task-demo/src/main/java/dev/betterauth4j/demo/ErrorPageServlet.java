package dev.betterauth4j.demo;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page for every status: an error the servlet container raises inside the context (a query it cannot
 * decode, an exception a servlet let out) is answered with a problem for that status, never with Jetty's HTML page
 * or a stack trace.
 */
final class ErrorPageServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/__error";

    ErrorPageServlet(JsonResponseWriter responses) {
        super(responses);
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ProblemException, IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            // Asked for by its path, not dispatched to for an error: it is not a resource.
            throw ProblemException.notFound("No such resource");
        }
        // The cause of a server error stays in the log: its message could say anything.
        String detail = status >= 500 ? "The server could not complete the request" : Problem.title(status);
        responses.writeProblem(response, new Problem(status, detail));
    }
}

package dev.betterauth4j.demo;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The default servlet ({@code /}) and the error page: unknown paths and container errors answer with a problem
 * document too, never an HTML page or a stack trace.
 */
final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ProblemWriter problems;

    NotFoundServlet(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code) {
            problems.write(response, code, code >= 500 ? "The server could not complete the request"
                    : ProblemWriter.title(code));
        } else {
            problems.write(response, 404, "No such resource");
        }
    }
}

package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A servlet of the demo: it answers with JSON through the one {@link JsonResponseWriter}, and a refusal it throws,
 * from wherever it was found, is answered here as a problem document.
 */
abstract class JsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    final transient JsonResponseWriter responses;

    JsonServlet(JsonResponseWriter responses) {
        this.responses = responses;
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            answer(request, response);
        } catch (ProblemException refusal) {
            responses.writeProblem(response, refusal);
        }
    }

    /** Answers the request, or throws the refusal to answer with instead. */
    abstract void answer(HttpServletRequest request, HttpServletResponse response)
            throws ProblemException, IOException;
}

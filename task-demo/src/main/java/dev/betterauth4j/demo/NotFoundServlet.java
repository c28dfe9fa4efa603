package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The default servlet ({@code /}): a path no other servlet serves is answered with a 404 problem, never with Jetty's
 * HTML page. Only requests the authentication filter let through get here: an unknown path is protected too.
 */
final class NotFoundServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    NotFoundServlet(JsonResponseWriter responses) {
        super(responses);
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ProblemException {
        throw ProblemException.notFound("No such resource");
    }
}

package dev.betterauth4j.demo;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's error handler: errors Jetty answers before a request reaches the servlet context (a malformed request
 * line, headers too large, an ambiguous or undecodable URI) get a problem document as well, never an HTML page or a
 * stack trace. Errors inside the context go to {@link ErrorPageServlet}.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final JsonResponseWriter responses;

    ProblemErrorHandler(JsonResponseWriter responses) {
        this.responses = responses;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        // Jetty's message may quote the request; the status's name says enough.
        responses.writeProblem(response, new Problem(code, Problem.title(code)), callback);
    }
}

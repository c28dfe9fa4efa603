package dev.betterauth4j.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes every answer of the demo that has a body, for the servlets and for Jetty's own error handler alike, so that
 * all of them carry the same headers: {@code Cache-Control: no-store}, as every answer is per user or live and no
 * cache may keep one, and a {@code Content-Length}, so that a {@code HEAD} answer has its {@code GET}'s headers.
 */
final class JsonResponseWriter {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String NO_STORE = "no-store";

    private final ObjectMapper json;

    JsonResponseWriter(ObjectMapper json) {
        this.json = json;
    }

    /** A JSON answer: {@code body} (a Jackson tree, a record, a list...) as Jackson writes it. */
    void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        write(response, status, JSON, json.writeValueAsBytes(body));
    }

    /** The problem and the headers of a refusal. */
    void writeProblem(HttpServletResponse response, ProblemException refusal) throws IOException {
        if (!response.isCommitted()) {
            refusal.headers().forEach(response::setHeader);
        }
        writeProblem(response, refusal.problem());
    }

    /**
     * A problem answer, in place of whatever the answer had buffered; nothing if the answer has already begun (its
     * status is on the wire: too late to say anything else).
     */
    void writeProblem(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        write(response, problem.status(), PROBLEM_JSON, bytes(problem));
    }

    /** A problem answer from Jetty's core API: for errors Jetty answers before a request reaches a servlet. */
    void writeProblem(Response response, Problem problem, Callback callback) {
        byte[] body;
        try {
            body = bytes(problem);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, NO_STORE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private byte[] bytes(Problem problem) throws JsonProcessingException {
        return json.writeValueAsBytes(problem.toJson());
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", NO_STORE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

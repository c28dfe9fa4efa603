package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes RFC 9457 problem documents, the body of every error the demo answers. */
final class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, ProblemException problem) throws IOException {
        problem.headers().forEach(response::setHeader);
        write(response, problem.status(), problem.getMessage(), problem);
    }

    void write(HttpServletResponse response, int status, String detail) throws IOException {
        write(response, status, detail, null);
    }

    private void write(HttpServletResponse response, int status, String detail, ProblemException problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        if (problem != null && !problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.errors().forEach(e -> errors.addObject().put("field", e.field()).put("message", e.message()));
        }
        byte[] bytes = json.writeValueAsBytes(body);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}

package dev.betterauth4j.servlet;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an RFC 9457 problem document. The {@code type} of a bearer-token problem points at RFC 6750's error
 * codes, which define it; other problems are {@code about:blank}, titled by their status. An
 * {@code insufficient_scope} problem also has {@code scope}: every missing scope, separated by spaces.
 */
final class ProblemJsonErrorWriter implements AuthenticationErrorWriter {

    static final ProblemJsonErrorWriter INSTANCE = new ProblemJsonErrorWriter();
    static final String RFC6750_ERRORS = "https://www.rfc-editor.org/rfc/rfc6750#section-3.1";

    private ProblemJsonErrorWriter() {
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, AuthenticationFailure failure)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", failure.error() == null ? "about:blank" : RFC6750_ERRORS);
        problem.put("title", title(failure.status()));
        problem.put("status", failure.status());
        problem.put("detail", failure.description());
        if (failure.error() != null) {
            problem.put("error", failure.error());
        }
        if (!failure.scopes().isEmpty()) {
            problem.put("scope", String.join(" ", failure.scopes()));
        }
        problem.put("reason", failure.reason().name());
        byte[] body = JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}

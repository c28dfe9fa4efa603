package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Dev mode's {@code GET /api/auth/jwks}: the throwaway public key, in Better Auth's shape. */
final class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] jwks;
    private final transient ProblemWriter problems;

    JwksServlet(String jwksJson, ProblemWriter problems) {
        this.jwks = jwksJson.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            problems.write(response, ProblemException.methodNotAllowed(request.getMethod(), java.util.List.of("GET")));
            return;
        }
        JsonBody.send(response, 200, jwks);
    }
}

package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Dev mode's {@code GET /api/auth/jwks} (and {@code HEAD}): the throwaway public key, in Better Auth's shape. */
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
        try {
            Methods.allow(request, "GET");
        } catch (ProblemException e) {
            problems.write(response, e);
            return;
        }
        JsonBody.send(response, 200, jwks);
    }
}

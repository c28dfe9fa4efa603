package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Dev mode's {@code GET /api/auth/jwks} (and {@code HEAD}): the throwaway public key, in Better Auth's shape. */
final class JwksServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/api/auth/jwks";

    private final transient JsonNode jwks;

    JwksServlet(JsonNode jwks, JsonResponseWriter responses) {
        super(responses);
        this.jwks = jwks;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ProblemException, IOException {
        Methods.allow(request, "GET");
        responses.writeJson(response, 200, jwks);
    }
}

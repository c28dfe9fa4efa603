package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /health} (and {@code HEAD}): public; 200 when the database answers, 503 when it does not. */
final class HealthServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient TaskStore store;

    HealthServlet(TaskStore store, JsonResponseWriter responses) {
        super(responses);
        this.store = store;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ProblemException, IOException {
        Methods.allow(request, "GET");
        if (!store.healthy()) {
            throw new ProblemException(503, "The database does not answer");
        }
        responses.writeJson(response, 200, up());
    }

    private static ObjectNode up() {
        return JsonNodeFactory.instance.objectNode().put("status", "UP").put("database", "UP");
    }
}

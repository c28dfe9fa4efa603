package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /health} (and {@code HEAD}): public; 200 when the database answers, 503 when it does not. */
final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient TaskStore store;
    private final transient ProblemWriter problems;

    HealthServlet(TaskStore store, ProblemWriter problems) {
        this.store = store;
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
        if (!store.healthy()) {
            problems.write(response, 503, "The database does not answer");
            return;
        }
        JsonBody.send(response, 200, "{\"status\":\"UP\",\"database\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
    }
}

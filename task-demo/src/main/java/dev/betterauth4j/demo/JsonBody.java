package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes a JSON response body that must not be cached (every answer of the demo is per user or live). */
final class JsonBody {

    private JsonBody() {
    }

    static void send(HttpServletResponse response, int status, byte[] json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}

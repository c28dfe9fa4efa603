package dev.betterauth4j.demo;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The methods a route allows. {@code HEAD} is allowed wherever {@code GET} is and routed as {@code GET}: the answer
 * has the same status and headers (Content-Length included), and Jetty sends no body for a {@code HEAD} request.
 */
final class Methods {

    private Methods() {
    }

    /** The method to route on: {@code GET} for a {@code HEAD} request. */
    static String routed(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("HEAD") ? "GET" : method;
    }

    /**
     * Refuses the request with 405 and an {@code Allow} header unless its method is one of {@code allowed} (or
     * {@code HEAD} where {@code GET} is allowed).
     */
    static void allow(HttpServletRequest request, String... allowed) throws ProblemException {
        List<String> methods = withHead(allowed);
        if (!methods.contains(request.getMethod())) {
            throw ProblemException.methodNotAllowed(request.getMethod(), methods);
        }
    }

    static List<String> withHead(String... allowed) {
        List<String> methods = new ArrayList<>(allowed.length + 1);
        for (String method : allowed) {
            methods.add(method);
            if (method.equals("GET")) {
                methods.add("HEAD");
            }
        }
        return methods;
    }
}

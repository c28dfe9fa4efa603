package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error the demo answers. Its {@code type} is always
 * {@code about:blank}: the status says what kind of error it is, so the title is the status's name.
 *
 * @param status the HTTP status
 * @param detail what went wrong, for the person reading it; never a stack trace or an exception's message
 * @param errors the invalid fields of a request body or query, if any
 */
record Problem(int status, String detail, List<FieldError> errors) {

    /** One invalid field of a request body or query. */
    record FieldError(String field, String message) {
    }

    Problem {
        errors = List.copyOf(errors);
    }

    Problem(int status, String detail) {
        this(status, detail, List.of());
    }

    String title() {
        return title(status);
    }

    /** The status's name, as RFC 9110 spells it; a generic one for a status the demo never answers on its own. */
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

    /** The document: the one place a problem becomes JSON, whoever answers with it (a servlet or Jetty itself). */
    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", "about:blank");
        body.put("title", title());
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode fields = body.putArray("errors");
            errors.forEach(error -> fields.addObject().put("field", error.field()).put("message", error.message()));
        }
        return body;
    }
}

package dev.betterauth4j.spring.environment;

import dev.betterauth4j.servlet.AuthenticationErrorWriter;
import dev.betterauth4j.servlet.AuthenticationFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** An error writer named by a property: the refusal's description as plain text. */
public class PlainTextErrorWriter implements AuthenticationErrorWriter {

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, AuthenticationFailure failure)
            throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(failure.description());
    }
}

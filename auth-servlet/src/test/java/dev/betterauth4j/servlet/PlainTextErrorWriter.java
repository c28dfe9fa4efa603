package dev.betterauth4j.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A replacement error writer, instantiated by class name from an init parameter. */
public class PlainTextErrorWriter implements AuthenticationErrorWriter {

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, AuthenticationFailure failure)
            throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(failure.status() + " " + failure.reason());
    }
}

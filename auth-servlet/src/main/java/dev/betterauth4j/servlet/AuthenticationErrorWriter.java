package dev.betterauth4j.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Writes the body of a refused request. Replace it to match your API's error format; the default writes
 * RFC 9457 {@code application/problem+json}.
 *
 * <p>Status and challenge headers are already set when {@link #write} is called (see
 * {@link AuthenticationFailure}). An implementation must not echo the {@code Authorization} header or any
 * cookie back.
 *
 * <pre>{@code
 * AuthenticationErrorWriter plain = (request, response, failure) -> {
 *     response.setContentType("text/plain;charset=UTF-8");
 *     response.getWriter().write(failure.description());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface AuthenticationErrorWriter {

    /**
     * Writes the response body for {@code failure}.
     *
     * @param request  the refused request
     * @param response the response, status and headers set, body not yet written
     * @param failure  why the request was refused
     * @throws IOException if writing fails
     */
    void write(HttpServletRequest request, HttpServletResponse response, AuthenticationFailure failure)
            throws IOException;

    /**
     * The default writer: an RFC 9457 problem document,
     * {@code {"type","title","status","detail","reason"}} plus {@code "error"} (the RFC 6750 code) when there
     * is one.
     *
     * @return the default writer
     */
    static AuthenticationErrorWriter problemJson() {
        return ProblemJsonErrorWriter.INSTANCE;
    }
}

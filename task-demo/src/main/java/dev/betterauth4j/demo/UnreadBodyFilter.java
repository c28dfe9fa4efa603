package dev.betterauth4j.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and throws away what an answer left unread of its request body (a 413, a 415, the filter's 401 to a POST),
 * up to {@value #DISCARD_LIMIT} bytes, before the answer completes.
 *
 * <p>Why: when a request completes with part of its body still unread, Jetty gives the connection up, and the rest of
 * the body arriving afterwards makes it close the connection at once. A client still sending then gets a reset
 * instead of the answer it was about to read ("header parser received no bytes"), and a client that had read the
 * answer (sent without {@code Connection: close}, as it was already complete) finds its next request on that
 * connection answered by nothing. Read to its end, the body leaves the connection open and usable.
 *
 * <p>Placed first, in front of the authentication filter, so its refusals are covered too.
 */
final class UnreadBodyFilter implements Filter {

    /** How much of a body nobody wanted is read: a bound on what a client can make the demo read for nothing. */
    static final long DISCARD_LIMIT = 1024 * 1024;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !hasBody(http)) {
            chain.doFilter(request, response);
            return;
        }
        BodyWatchingRequest watched = new BodyWatchingRequest(http);
        try {
            chain.doFilter(watched, response);
        } finally {
            if (worthDiscarding(http, watched.bodyOpened)) {
                discard(http);
            }
        }
    }

    private static boolean worthDiscarding(HttpServletRequest request, boolean bodyOpened) {
        if (request.getContentLengthLong() > DISCARD_LIMIT) {
            // Too much to read for nothing: the answer ends the connection instead (413 with Connection: close).
            return false;
        }
        // A client that asked to be told to go on (Expect: 100-continue), and never was, sends no body.
        return bodyOpened || !"100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static void discard(HttpServletRequest request) {
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[8192];
            long discarded = 0;
            while (discarded < DISCARD_LIMIT) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, DISCARD_LIMIT - discarded));
                if (read < 0) {
                    return;
                }
                discarded += read;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, sent a broken body, or the body was read as a Reader: nothing more to do.
        }
    }

    /** Notes whether anyone opened the body (which, for {@code Expect: 100-continue}, let the client send it). */
    private static final class BodyWatchingRequest extends HttpServletRequestWrapper {

        private volatile boolean bodyOpened;

        BodyWatchingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            bodyOpened = true;
            return super.getInputStream();
        }

        @Override
        public BufferedReader getReader() throws IOException {
            bodyOpened = true;
            return super.getReader();
        }
    }
}

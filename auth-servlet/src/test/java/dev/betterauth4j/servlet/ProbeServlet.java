package dev.betterauth4j.servlet;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A servlet that reports what the filter told it, as JSON. Paths: {@code /async/...} answers after an async
 * dispatch; {@code /teapot} (and any path ending in it) sends error 418, whose error page ({@code /error}) reports too; a query parameter
 * {@code forwardTo} forwards the request there.
 */
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static boolean requireUserThrows(HttpServletRequest request) {
        try {
            BetterAuthFilter.requireUser(request);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = BetterAuthFilter.pathWithinApplication(request);
        if (path.startsWith("/async") && request.getDispatcherType() == DispatcherType.REQUEST) {
            AsyncContext async = request.startAsync();
            async.start(async::dispatch);
            return;
        }
        String forwardTo = request.getParameter("forwardTo");
        if (forwardTo != null && request.getDispatcherType() == DispatcherType.REQUEST) {
            try {
                request.getRequestDispatcher(forwardTo).forward(request, response);
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            return;
        }
        if (path.endsWith("/teapot")) {
            response.sendError(418);
            return;
        }
        Principal principal = request.getUserPrincipal();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("path", path);
        report.put("dispatch", request.getDispatcherType().name());
        report.put("principal", principal == null ? null : principal.getName());
        report.put("remoteUser", request.getRemoteUser());
        report.put("authType", request.getAuthType());
        report.put("admin", request.isUserInRole("admin"));
        report.put("editor", request.isUserInRole("editor"));
        report.put("user", BetterAuthFilter.currentUser(request).map(u -> u.id()).orElse(null));
        report.put("errorStatus", request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        report.put("requireUserThrows", requireUserThrows(request));
        byte[] body = JSONObjectUtils.toJSONString(report).getBytes(StandardCharsets.UTF_8);
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.setStatus(200);
        }
        response.setContentType("application/json");
        response.getOutputStream().write(body);
    }
}

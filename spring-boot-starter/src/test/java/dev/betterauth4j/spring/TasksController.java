package dev.betterauth4j.spring;

import dev.betterauth4j.core.AuthenticatedUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * The endpoints of the tests' applications with Spring Security: who is calling, role- and scope-protected methods, an
 * unsafe method, a forward, a public path and an admin area whose paths the tests try to sneak past the rules.
 */
@RestController
public class TasksController {

    /**
     * The caller, as {@code @AuthenticationPrincipal}.
     *
     * @param user the caller
     * @return their id and email
     */
    @GetMapping("/api/me")
    public Map<String, Object> me(@AuthenticationPrincipal AuthenticatedUser user) {
        return Map.of("id", user.id(), "email", String.valueOf(user.email()), "credential", user.credential().name());
    }

    /**
     * Only for admins.
     *
     * @return a word
     */
    @GetMapping("/api/admin-report")
    @PreAuthorize("hasRole('admin')")
    public String adminReport() {
        return "report";
    }

    /**
     * Only with the {@code tasks:read} scope.
     *
     * @return a word
     */
    @GetMapping("/api/tasks")
    @PreAuthorize("hasAuthority('SCOPE_tasks:read')")
    public String tasks() {
        return "tasks";
    }

    /**
     * An unsafe method.
     *
     * @param user the caller
     * @return a word
     */
    @PostMapping("/api/tasks")
    public String createTask(@AuthenticationPrincipal AuthenticatedUser user) {
        return "created by " + user.id();
    }

    /**
     * Forwards to {@code /api/scoped-report}, whose scope rules may ask more than this path's.
     *
     * @param request  the request
     * @param response its response
     * @throws ServletException if the target fails
     * @throws IOException      if the answer cannot be written
     */
    @GetMapping("/api/forwarded-report")
    public void forwardedReport(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher("/api/scoped-report").forward(request, response);
    }

    /**
     * The target of {@code /api/forwarded-report}.
     *
     * @return a word
     */
    @GetMapping("/api/scoped-report")
    public String scopedReport() {
        return "scoped report";
    }

    /**
     * A public path.
     *
     * @return a word
     */
    @GetMapping("/public/hello")
    public String hello() {
        return "hello";
    }

    /**
     * A protected admin area, which path tricks try to reach through the public path.
     *
     * @return a word
     */
    @GetMapping("/admin/**")
    public String admin() {
        return "admin area";
    }
}

package dev.betterauth4j.spring.filtered;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints of the application without Spring Security: the filter's user, as a servlet reads it. */
@RestController
public class PlainController {

    /**
     * Who is calling.
     *
     * @param request the request
     * @return the user id, and whether the user is an admin
     */
    @GetMapping("/api/me")
    public String me(HttpServletRequest request) {
        AuthenticatedUser user = BetterAuthFilter.requireUser(request);
        return user.id() + " admin=" + request.isUserInRole("admin");
    }

    /**
     * A public path.
     *
     * @return a word
     */
    @GetMapping("/health")
    public String health() {
        return "up";
    }

    /**
     * A protected admin area.
     *
     * @return a word
     */
    @GetMapping("/admin/**")
    public String admin() {
        return "admin area";
    }
}

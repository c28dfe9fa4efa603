package dev.betterauth4j.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A Spring MVC application as a user would put behind the filter: one handler for {@code /admin/**}, one for
 * {@code /public/**}. Spring routes on the raw request URI, not on the container's normalised path, which is what
 * makes non-canonical paths dangerous for a filter that decides by path.
 */
@Configuration
@EnableWebMvc
class SpringMvcApplication {

    static final String ADMIN_HANDLER = "admin handler";
    static final String PUBLIC_HANDLER = "public handler";

    static AnnotationConfigWebApplicationContext context() {
        AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
        context.register(SpringMvcApplication.class);
        return context;
    }

    /** Registered as a member class of the configuration. */
    @RestController
    static class Handlers {

        @GetMapping("/admin/**")
        String admin(HttpServletRequest request) {
            return ADMIN_HANDLER + " for " + BetterAuthFilter.currentUser(request).map(u -> u.id()).orElse("nobody");
        }

        @GetMapping("/public/**")
        String everyone() {
            return PUBLIC_HANDLER;
        }
    }
}

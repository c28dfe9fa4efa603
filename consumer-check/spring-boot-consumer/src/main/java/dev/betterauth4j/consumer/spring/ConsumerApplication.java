package dev.betterauth4j.consumer.spring;

import dev.betterauth4j.core.AuthenticatedUser;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot application with Spring Security and the starter, and no security configuration of its own. */
@SpringBootApplication
@RestController
public class ConsumerApplication {

    /**
     * Starts the application.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SpringApplication.run(ConsumerApplication.class, args);
    }

    /**
     * Who is calling.
     *
     * @param user the verified Better Auth user
     * @return their id
     */
    @GetMapping("/me")
    public String me(@AuthenticationPrincipal AuthenticatedUser user) {
        return "consumer: verified " + user.id();
    }
}

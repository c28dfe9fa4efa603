package dev.betterauth4j.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A task API whose users sign in with Better Auth: each user sees and changes only their own tasks, admins may delete
 * anyone's. Run it with the URL of your Better Auth app:
 *
 * <pre>
 * BETTER_AUTH_URL=https://app.example.com java -jar example-spring-boot.jar
 * </pre>
 */
@SpringBootApplication
@EnableMethodSecurity
public class TasksApplication {

    /**
     * Starts the application.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SpringApplication.run(TasksApplication.class, args);
    }
}

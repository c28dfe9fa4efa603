package dev.betterauth4j.spring.filtered;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/** A Spring Boot web application without Spring Security and with the starter, and CORS for one front end. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlainController.class)
public class PlainApplication {

    /** The front end's origin. */
    public static final String FRONT_END = "https://app.example.com";

    /**
     * CORS for the front end, exposing the challenge and the retry delay: the starter puts Spring's CORS filter in
     * front of the Better Auth filter.
     *
     * @return the configuration
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of(FRONT_END));
        config.setAllowedMethods(List.of("GET", "POST"));
        config.setAllowedHeaders(List.of("Authorization"));
        config.setExposedHeaders(List.of("WWW-Authenticate", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}

package dev.betterauth4j.spring.filtered;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A Spring Boot web application without Spring Security and with the starter. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlainController.class)
public class PlainApplication {
}

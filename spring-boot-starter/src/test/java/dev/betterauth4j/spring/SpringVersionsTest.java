package dev.betterauth4j.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite runs on the Spring Boot (and so Spring Security) its module pins: Boot 4.0 in spring-boot-starter, Boot 3.5
 * in compat/spring-boot-3, which runs these very sources.
 */
class SpringVersionsTest {

    @Test
    void theSuiteRunsOnTheSpringBootItsModulePins() {
        String expected = System.getProperty("betterauth4j.spring-boot.expected");
        assertThat(expected).as("system property betterauth4j.spring-boot.expected").isNotBlank();

        assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
        assertThat(SpringSecurityCoreVersion.getVersion()).startsWith(expected.startsWith("4.") ? "7." : "6.5.");
    }
}

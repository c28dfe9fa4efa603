/**
 * The Spring Boot auto-configuration: {@link dev.betterauth4j.spring.boot.BetterAuthProperties} (every option as a
 * {@code better.auth.*} property), {@link dev.betterauth4j.spring.boot.BetterAuthAutoConfiguration} (the verifier, and
 * the filter without Spring Security) and {@link dev.betterauth4j.spring.boot.BetterAuthSecurityAutoConfiguration}
 * (authentication inside Spring Security's filter chain).
 */
package dev.betterauth4j.spring.boot;

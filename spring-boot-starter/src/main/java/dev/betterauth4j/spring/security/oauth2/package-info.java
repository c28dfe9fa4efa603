/**
 * {@link dev.betterauth4j.spring.security.oauth2.BetterAuthJwtDecoder}: the verifier behind Spring Security's
 * {@code oauth2ResourceServer().jwt()}, for applications that keep it (needs {@code spring-security-oauth2-jose}).
 */
package dev.betterauth4j.spring.security.oauth2;

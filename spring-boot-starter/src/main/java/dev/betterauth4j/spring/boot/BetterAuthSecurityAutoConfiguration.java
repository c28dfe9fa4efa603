package dev.betterauth4j.spring.boot;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.spring.security.BetterAuthAccessDeniedHandler;
import dev.betterauth4j.spring.security.BetterAuthAuthenticationEntryPoint;
import dev.betterauth4j.spring.security.BetterAuthAuthenticationManagerResolver;
import dev.betterauth4j.spring.security.BetterAuthAuthorities;
import dev.betterauth4j.spring.security.BetterAuthConfigurer;
import dev.betterauth4j.spring.security.oauth2.BetterAuthJwtDecoder;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * With Spring Security: Better Auth authentication inside the {@code SecurityFilterChain} instead of a separate
 * filter. Declares the {@link BetterAuthConfigurer}'s parts as beans (the entry point, the access-denied handler, the
 * authentication manager's resolver), and, when the application defines no {@link SecurityFilterChain}, a chain of its
 * own: stateless, no basic authentication or login page, {@code better.auth.public-paths} permitted, every other
 * request authenticated, CORS when the application configures it. With {@code spring-security-oauth2-jose}, also a
 * {@link BetterAuthJwtDecoder} for applications that keep {@code oauth2ResourceServer().jwt()}. Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(after = BetterAuthAutoConfiguration.class,
        afterName = {
                // Their JwtDecoder (from spring.security.oauth2.resourceserver.jwt.*) wins over ours.
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"},
        beforeName = {
                // Ours before theirs, so that our SecurityFilterChain backs theirs off (Boot 4.0, then Boot 3.5), and
                // no in-memory user with a generated password is made.
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {BetterAuthAutoConfiguration.SECURITY_FILTER_CHAIN,
        "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
public class BetterAuthSecurityAutoConfiguration {

    /** For Spring Boot: it creates this configuration. */
    public BetterAuthSecurityAutoConfiguration() {
    }

    /**
     * Answers refused and missing credentials (401, 400, 503) as the library's filter does.
     *
     * @param requests the filter's request handling
     * @return the entry point
     */
    @Bean
    @ConditionalOnMissingBean
    public BetterAuthAuthenticationEntryPoint betterAuthAuthenticationEntryPoint(BetterAuthRequests requests) {
        return new BetterAuthAuthenticationEntryPoint(requests);
    }

    /**
     * Answers forbidden requests (403).
     *
     * @param requests the filter's request handling
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public BetterAuthAccessDeniedHandler betterAuthAccessDeniedHandler(BetterAuthRequests requests) {
        return new BetterAuthAccessDeniedHandler(requests);
    }

    /**
     * The authentication manager of Better Auth credentials, with {@code ROLE_} and {@code SCOPE_} authorities.
     *
     * @param verifier the verifier
     * @param requests the filter's request handling (the role claim)
     * @param events   Spring Security's event publisher, if any
     * @return the resolver
     */
    @Bean
    @ConditionalOnMissingBean
    public BetterAuthAuthenticationManagerResolver betterAuthAuthenticationManagerResolver(
            BetterAuthVerifier verifier, BetterAuthRequests requests,
            ObjectProvider<AuthenticationEventPublisher> events) {
        return new BetterAuthAuthenticationManagerResolver(verifier, new BetterAuthAuthorities(requests),
                events.getIfAvailable());
    }

    /**
     * The chain for an application that defines none: every request but the public paths (and error pages) needs
     * Better Auth credentials; stateless; no CSRF tokens (Better Auth's cookie is origin-checked by the verifier, and
     * nothing else authenticates here); CORS from the application's {@code corsConfigurationSource} or Spring MVC's
     * CORS mappings.
     *
     * @param http     Spring Security's builder
     * @param requests the filter's request handling (the public paths)
     * @param context  the application context
     * @return the chain
     * @throws Exception if Spring Security cannot build it
     */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain betterAuthSecurityFilterChain(HttpSecurity http, BetterAuthRequests requests,
                                                             ApplicationContext context) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers(request -> request.getDispatcherType() == DispatcherType.ERROR).permitAll()
                .requestMatchers(requests::isPublic).permitAll()
                .anyRequest().authenticated());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.with(BetterAuthConfigurer.betterAuth(), Customizer.withDefaults());
        // This chain authenticates by Better Auth credentials alone: a bearer one is not sent by browsers on their own,
        // and for a cookie one the verifier refuses a request that changes something from an untrusted origin (403).
        // Spring's CSRF tokens would protect nothing here, and would refuse an anonymous POST with 403 before its 401.
        http.csrf(csrf -> csrf.disable());
        if (context.getBeanNamesForType(CorsConfigurationSource.class).length > 0) {
            http.cors(Customizer.withDefaults());
        }
        return http.build();
    }

    /** The decoder for {@code oauth2ResourceServer().jwt()}, when Spring Security's JOSE support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.JwtDecoder")
    static class JwtDecoderConfiguration {

        /**
         * Verifies {@code oauth2ResourceServer().jwt()}'s tokens with the verifier.
         *
         * @param verifier the verifier
         * @return the decoder
         */
        @Bean
        @ConditionalOnMissingBean(JwtDecoder.class)
        BetterAuthJwtDecoder betterAuthJwtDecoder(BetterAuthVerifier verifier) {
            return new BetterAuthJwtDecoder(verifier);
        }
    }
}

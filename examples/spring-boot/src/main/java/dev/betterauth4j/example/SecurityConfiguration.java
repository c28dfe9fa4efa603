package dev.betterauth4j.example;

import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.spring.security.BetterAuthConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's own chain, to show the rules an application usually adds; without it, the starter's chain would
 * require a Better Auth user everywhere but {@code better.auth.public-paths}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Public paths from the properties, deleting tasks for admins only, everything else for any signed-in user.
     *
     * @param http       Spring Security's builder
     * @param betterAuth the starter's request handling, for its public paths
     * @return the chain
     * @throws Exception if Spring Security cannot build it
     */
    // snippet:own-chain:begin
    @Bean
    SecurityFilterChain api(HttpSecurity http, BetterAuthRequests betterAuth) throws Exception {
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())        // only Better Auth credentials here: see "CSRF" below
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(betterAuth::isPublic).permitAll()            // better.auth.public-paths
                        .requestMatchers(HttpMethod.DELETE, "/api/tasks/**").hasRole("admin")
                        .anyRequest().authenticated())
                .with(BetterAuthConfigurer.betterAuth(), Customizer.withDefaults());
        return http.build();
    }
    // snippet:own-chain:end
}

package dev.betterauth4j.spring.custom;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.TasksController;
import dev.betterauth4j.spring.security.BetterAuthConfigurer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application with its own chain and its own verifier: the configurer applied with {@code http.with(...)},
 * URL rules by role, the public paths from {@link BetterAuthRequests#isPublic}; no {@code better.auth.url} at all.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TasksController.class)
public class CustomChainApplication {

    /**
     * The application's own verifier, which the starter's properties do not replace.
     *
     * @return a verifier of the stand-in's tokens
     */
    @Bean(destroyMethod = "close")
    BetterAuthVerifier verifier() {
        return BetterAuthVerifier.builder().baseUrl(BetterAuthStandIn.keys().baseUrl()).build();
    }

    /**
     * The application's chain.
     *
     * @param http       Spring Security's builder
     * @param betterAuth the filter's request handling (public paths)
     * @return the chain
     * @throws Exception if it cannot be built
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, BetterAuthRequests betterAuth) throws Exception {
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(betterAuth::isPublic).permitAll()
                        .requestMatchers("/admin/**").hasRole("admin")
                        .anyRequest().authenticated())
                .with(BetterAuthConfigurer.betterAuth(), Customizer.withDefaults());
        return http.build();
    }
}

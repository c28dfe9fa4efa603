package dev.betterauth4j.example;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.spring.security.BetterAuthAccessDeniedHandler;
import dev.betterauth4j.spring.security.BetterAuthAuthenticationEntryPoint;
import dev.betterauth4j.spring.security.BetterAuthConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The recipes of docs/spring.md that the example does not use itself, compiled here; {@link SpringDocsTest} checks
 * that the documentation shows them as written. Not a configuration: nothing registers these beans.
 */
final class SpringDocsSnippets {

    private SpringDocsSnippets() {
    }

    /** Scopes of OAuth access tokens, at the method. */
    static final class Scopes {

        // snippet:scopes:begin
        @GetMapping("/api/reports")
        @PreAuthorize("hasAuthority('SCOPE_reports:read') or hasRole('admin')")
        public String reports(@AuthenticationPrincipal AuthenticatedUser user) {
            return "reports for " + user.id();
        }
        // snippet:scopes:end
    }

    /** Better Auth for the API, a login form for the rest. */
    static final class TwoChains {

        // snippet:two-chains:begin
        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            http.securityMatcher("/api/**")
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .with(BetterAuthConfigurer.betterAuth(), Customizer.withDefaults());
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain backOffice(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole("STAFF"))
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }
        // snippet:two-chains:end
    }

    /** Keeping Spring Security's resource server, with the starter's decoder and answers. */
    static final class ResourceServer {

        // snippet:resource-server:begin
        @Bean
        SecurityFilterChain api(HttpSecurity http, BetterAuthAuthenticationEntryPoint entryPoint,
                                BetterAuthAccessDeniedHandler accessDenied) throws Exception {
            http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(Customizer.withDefaults())         // the starter's BetterAuthJwtDecoder bean
                            .authenticationEntryPoint(entryPoint)   // 401 as the library answers, 503 on an outage
                            .accessDeniedHandler(accessDenied));
            return http.build();
        }
        // snippet:resource-server:end
    }
}

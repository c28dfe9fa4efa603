package dev.betterauth4j.spring.jwt;

import dev.betterauth4j.spring.security.BetterAuthAccessDeniedHandler;
import dev.betterauth4j.spring.security.BetterAuthAuthenticationEntryPoint;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that keeps Spring Security's {@code oauth2ResourceServer().jwt()}: the starter's
 * {@code BetterAuthJwtDecoder} bean verifies the tokens (EdDSA included), and the starter's entry point answers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ResourceServerApplication.Endpoints.class)
public class ResourceServerApplication {

    /**
     * The resource server's chain.
     *
     * @param http         Spring Security's builder
     * @param entryPoint   the starter's entry point
     * @param accessDenied the starter's access-denied handler
     * @return the chain
     * @throws Exception if it cannot be built
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http, BetterAuthAuthenticationEntryPoint entryPoint,
                            BetterAuthAccessDeniedHandler accessDenied) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        return http.build();
    }

    /** The endpoint: the token's subject. */
    @RestController
    static class Endpoints {

        /**
         * Who is calling.
         *
         * @param jwt the verified token
         * @return its subject and email
         */
        @GetMapping("/api/me")
        String me(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject() + " " + jwt.getClaimAsString("email") + " " + jwt.getHeaders().get("alg");
        }
    }
}

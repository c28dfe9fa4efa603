package dev.betterauth4j.spring.filtered;

import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.spring.BetterAuthStandIn;
import dev.betterauth4j.spring.Http;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application on Tomcat without Spring Security (hidden from it by a filtering class loader, as if it
 * were not on the classpath): the starter registers {@link BetterAuthFilter} for every request, configured from the
 * properties, with Spring's CORS filter in front of it for the application's CORS configuration.
 */
class WithoutSpringSecurityTest {

    static ConfigurableApplicationContext application;
    static Http http;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(PlainApplication.class)
                .resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security.")))
                .properties("server.port=0", "better.auth.url=" + BetterAuthStandIn.keys().baseUrl(),
                        "better.auth.public-paths=/health", "better.auth.realm=tasks")
                .run();
        http = new Http(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theFilterIsRegisteredForEveryRequestAndNoSecurityChainExists() {
        FilterRegistrationBean<?> registration = application.getBean("betterAuthFilter",
                FilterRegistrationBean.class);

        assertThat(registration.getFilter()).isInstanceOf(BetterAuthFilter.class);
        assertThat(registration.getUrlPatterns()).containsExactly("/*");
        assertThat(application.containsBean("springSecurityFilterChain")).isFalse();
    }

    @Test
    void aValidTokenReachesTheEndpointWithItsRoles() {
        HttpResponse<String> answer = http.getWith("/api/me", BetterAuthStandIn.token().claim("role", "admin")
                .sign());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(TestToken.USER_ID + " admin=true");
    }

    @Test
    void noTokenIsA401WithTheConfiguredRealm() {
        HttpResponse<String> answer = http.get("/api/me");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tasks\"");
        assertThat(answer.body()).contains("\"reason\":\"MISSING\"");
    }

    @Test
    void aPublicPathNeedsNoToken() {
        assertThat(http.get("/health").body()).isEqualTo("up");
    }

    @Test
    void aPreflightFromTheFrontEndIsAnsweredBeforeTheFilterWithoutAToken() {
        HttpResponse<String> answer = http.send("OPTIONS", "/api/me", "Origin", PlainApplication.FRONT_END,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PlainApplication.FRONT_END);
    }

    @Test
    void aRefusalCarriesTheCorsHeadersSoThePageCanReadIt() {
        HttpResponse<String> answer = http.get("/api/me", "Origin", PlainApplication.FRONT_END);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PlainApplication.FRONT_END);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                assertThat(exposed).contains("WWW-Authenticate"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        HttpResponse<String> answer = http.send("OPTIONS", "/api/me", "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "GET");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/..;/admin/x", "/health/%2e%2e/admin/x", "/admin/..;/health", "/health;x=1",
            "/health/../admin/x", "/admin/%2e%2e/health"})
    void noPathTrickReachesAProtectedHandlerWithoutAToken(String path) {
        HttpResponse<String> answer = http.get(path);

        assertThat(answer.body()).as(path).doesNotContain("admin area");
        assertThat(answer.statusCode()).as(path).isIn(400, 401, 404);
    }
}

package dev.betterauth4j.spring.boot;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.core.VerifierObserver;
import dev.betterauth4j.servlet.AuthenticationErrorWriter;
import dev.betterauth4j.servlet.AuthenticationListener;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.servlet.BetterAuthFilterBuilder;
import dev.betterauth4j.servlet.BetterAuthRequests;
import dev.betterauth4j.spring.observation.ObservingVerifierObserver;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;

/**
 * Builds the {@link BetterAuthVerifier} from the {@code better.auth.*} properties ({@link BetterAuthProperties}, bound
 * from {@code BETTER_AUTH_*} variables too) and the filter's request handling ({@link BetterAuthRequests}); without
 * Spring Security, registers {@link BetterAuthFilter} for every request. Every bean backs off when the application
 * defines its own: the application's {@code BetterAuthVerifier} wins. With Spring Security,
 * {@link BetterAuthSecurityAutoConfiguration} takes over from the filter.
 */
@AutoConfiguration(beforeName = {
        // Boot 4.0 and Boot 3.5: ours before theirs, so that our SecurityFilterChain backs theirs off.
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration"})
@ConditionalOnClass(BetterAuthVerifier.class)
@EnableConfigurationProperties(BetterAuthProperties.class)
public class BetterAuthAutoConfiguration {

    private static final System.Logger LOGGER = System.getLogger(BetterAuthAutoConfiguration.class.getName());

    /** The order of the filter without Spring Security: where Spring Security's own filter would be. */
    public static final int FILTER_ORDER = -100;

    /** Spring Security's filter chain, whose presence means the filter is not registered. */
    static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

    /** For Spring Boot: it creates this configuration. */
    public BetterAuthAutoConfiguration() {
    }

    /**
     * The verifier, from the properties, observed by Micrometer when the application has an
     * {@link ObservationRegistry} (Spring Boot's actuator), or by the application's own {@link VerifierObserver} bean.
     *
     * @param properties the bound properties
     * @param observers  the application's observer, if any
     * @param registries the application's observation registry, if any
     * @param environment the application's environment, whose {@code BETTER_AUTH_*} variables are checked for
     *                    misspellings as {@code BetterAuthVerifier.fromEnvironment} checks them
     * @return the verifier, closed with the application context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public BetterAuthVerifier betterAuthVerifier(BetterAuthProperties properties,
                                                 ObjectProvider<VerifierObserver> observers,
                                                 ObjectProvider<ObservationRegistry> registries,
                                                 Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable
                && configurable.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                instanceof EnumerablePropertySource<?> variables) {
            PropertySettings.readable(() -> {
                PropertySettings.checkVariableNames(List.of(variables.getPropertyNames()),
                        warning -> LOGGER.log(System.Logger.Level.WARNING, warning));
                return null;
            });
        }
        if (!PropertySettings.namesAKeySource(properties)) {
            throw new IllegalStateException("betterauth4j needs to know your Better Auth app: set better.auth.url"
                    + " (the environment variable BETTER_AUTH_URL), such as https://app.example.com; or"
                    + " better.auth.jwks-url or better.auth.secret; or define a BetterAuthVerifier bean");
        }
        BetterAuthVerifierBuilder builder = PropertySettings.verifierBuilder(properties);
        VerifierObserver observer = observers.getIfAvailable(() -> registries.stream().findFirst()
                .<VerifierObserver>map(ObservingVerifierObserver::new).orElse(VerifierObserver.NONE));
        builder.observer(observer);
        return PropertySettings.readable(builder::build);
    }

    /**
     * The filter's request handling (public paths, credentials, roles, answers) from the properties, for Spring
     * Security's configurer; an {@link AuthenticationErrorWriter} or {@link AuthenticationListener} bean takes the place
     * of the {@code error-writer} and {@code listener} properties.
     *
     * @param verifier   the verifier
     * @param properties the bound properties
     * @param writers    the application's error writer, if any
     * @param listeners  the application's listener, if any
     * @return the request handling
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
    public BetterAuthRequests betterAuthRequests(BetterAuthVerifier verifier, BetterAuthProperties properties,
                                                 ObjectProvider<AuthenticationErrorWriter> writers,
                                                 ObjectProvider<AuthenticationListener> listeners) {
        return PropertySettings.readable(() -> filterBuilder(verifier, properties, writers, listeners)
                .buildRequests());
    }

    static BetterAuthFilterBuilder filterBuilder(BetterAuthVerifier verifier, BetterAuthProperties properties,
                                                  ObjectProvider<AuthenticationErrorWriter> writers,
                                                  ObjectProvider<AuthenticationListener> listeners) {
        BetterAuthFilterBuilder builder = PropertySettings.filterBuilder(properties, verifier);
        writers.ifAvailable(builder::errorWriter);
        listeners.ifAvailable(builder::listener);
        return builder;
    }

    /** The filter, for servlet applications without Spring Security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingClass(SECURITY_FILTER_CHAIN)
    static class FilterConfiguration {

        /**
         * {@link BetterAuthFilter} for every request ({@code /*}; {@code REQUEST}, {@code ASYNC} and {@code ERROR}
         * dispatches), at {@link #FILTER_ORDER}.
         */
        @Bean
        @ConditionalOnMissingBean(name = "betterAuthFilter")
        FilterRegistrationBean<BetterAuthFilter> betterAuthFilter(BetterAuthVerifier verifier,
                                                                  BetterAuthProperties properties,
                                                                  ObjectProvider<AuthenticationErrorWriter> writers,
                                                                  ObjectProvider<AuthenticationListener> listeners) {
            BetterAuthFilter filter = PropertySettings.readable(() -> filterBuilder(verifier, properties, writers,
                    listeners).build());
            FilterRegistrationBean<BetterAuthFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("betterAuthFilter");
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
            registration.setAsyncSupported(true);
            registration.setOrder(FILTER_ORDER);
            return registration;
        }

        /**
         * Spring's {@link CorsFilter} in front of the Better Auth filter when the application defines a
         * {@link CorsConfigurationSource}: a browser's preflight carries no credentials, so it must be answered before
         * the filter, and every answer (401, 403, 503 included) gets the CORS headers.
         */
        @Bean
        @ConditionalOnBean(name = "corsConfigurationSource")
        @ConditionalOnMissingBean(name = "betterAuthCorsFilter")
        FilterRegistrationBean<CorsFilter> betterAuthCorsFilter(
                @Qualifier("corsConfigurationSource") CorsConfigurationSource source) {
            FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
            registration.setName("betterAuthCorsFilter");
            registration.addUrlPatterns("/*");
            registration.setOrder(FILTER_ORDER - 1);
            return registration;
        }
    }
}

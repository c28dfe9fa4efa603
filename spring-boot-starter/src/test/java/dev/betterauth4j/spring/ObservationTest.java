package dev.betterauth4j.spring;

import dev.betterauth4j.spring.observation.ObservingVerifierObserver;
import dev.betterauth4j.spring.secured.SecuredApplication;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an {@code ObservationRegistry} in the application (Spring Boot's actuator provides one), each verification and
 * each key set fetch is a Micrometer observation with low-cardinality key values: outcome, reason, credential kind.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ObservationTest.Registry.class)
class ObservationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BetterAuthStandIn.keys().baseUrl().toString());
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    TestObservationRegistry registry;

    @Test
    void verificationsAndKeySetFetchesAreObserved() {
        Http http = new Http(port);
        http.getWith("/api/me", BetterAuthStandIn.token().sign());
        http.getWith("/api/me", BetterAuthStandIn.token().expired().sign());

        TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservationWithAKeyValue("outcome", "verified")
                .hasAnObservationWithAKeyValue("outcome", "refused")
                .hasAnObservationWithAKeyValue("reason", "EXPIRED")
                .hasAnObservationWithAKeyValue("credential.kind", "JWT")
                .hasAnObservationWithAKeyValue("credential.presented", "bearer")
                .hasAnObservationWithAKeyValue("outcome", "fetched");
        TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservation(observation -> observation.hasNameEqualTo(ObservingVerifierObserver.VERIFICATION)
                        .hasLowCardinalityKeyValue("outcome", "verified"))
                .hasAnObservation(observation -> observation.hasNameEqualTo(ObservingVerifierObserver.KEY_SET_FETCH)
                        .hasLowCardinalityKeyValue("outcome", "fetched"));
    }
}

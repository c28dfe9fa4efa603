package dev.betterauth4j.consumer.spring;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The application on Tomcat, pointed at a key set of the test kit: its endpoint verifies Better Auth's EdDSA tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerApplicationTest {

    static final SigningKey KEY = SigningKey.of("EdDSA");
    static final JwksServer BETTER_AUTH = JwksServer.serving(KEY);

    @DynamicPropertySource
    static void betterAuth(DynamicPropertyRegistry properties) {
        properties.add("better.auth.url", () -> BETTER_AUTH.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        BETTER_AUTH.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/me"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBetterAuthTokenIsVerified() throws Exception {
        HttpResponse<String> answer = get(BETTER_AUTH.token(KEY).subject("consumer-check-user").sign());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("consumer: verified consumer-check-user");
    }

    @Test
    void springBootMadeNoUserWithAGeneratedPassword() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void noTokenIsA401WithABearerChallenge() throws Exception {
        HttpResponse<String> answer = get(null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
    }
}

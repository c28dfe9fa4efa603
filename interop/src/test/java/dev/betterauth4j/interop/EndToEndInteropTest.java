package dev.betterauth4j.interop;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A Better Auth token through the whole stack: BetterAuthFilter in a servlet container, and the task demo. */
@Tag("interop")
class EndToEndInteropTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Answers with what the container says about the caller. */
    static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getUserPrincipal().getName() + " " + request.isUserInRole("admin")
                    + " " + BetterAuthFilter.requireUser(request).email());
        }
    }

    @Test
    void aBetterAuthTokenAuthenticatesARequestBehindTheFilter() throws Exception {
        try (BetterAuthServer betterAuth = BetterAuthServer.start();
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(betterAuth.baseUrl()).build()) {
            BetterAuthClient.Session alice = betterAuth.client().signUp("Alice", Map.of("role", "admin"));
            String token = betterAuth.client().token(alice);

            Server jetty = new Server();
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addFilter(new FilterHolder(BetterAuthFilter.builder(verifier).build()), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new WhoAmIServlet()), "/whoami");
            jetty.setHandler(context);
            jetty.start();
            try {
                URI whoami = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/whoami");
                HttpResponse<String> response = get(whoami, token);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(alice.userId() + " true " + alice.email());

                assertThat(get(whoami, null).statusCode()).isEqualTo(401);
                assertThat(get(whoami, alice.bearerToken()).statusCode()).isEqualTo(401);
            } finally {
                jetty.stop();
            }
        }
    }

    @Test
    void theTaskDemoScopesTasksToBetterAuthUsers(@TempDir Path dir) throws Exception {
        try (BetterAuthServer betterAuth = BetterAuthServer.start()) {
            BetterAuthClient client = betterAuth.client();
            String alice = client.token(client.signUp("Alice"));
            String bob = client.sessionJwt(client.signUp("Bob"));
            int exit;
            try (DemoProcess demo = DemoProcess.start(dir, Map.of("BETTER_AUTH_URL", betterAuth.baseUrl().toString()))) {
                assertThat(demo.log()).doesNotContain("DEV MODE").contains(betterAuth.baseUrl() + "/api/auth/jwks");

                HttpResponse<String> created = send("POST", demo.uri("/api/tasks"), alice,
                        "{\"title\":\"from Better Auth\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String location = created.headers().firstValue("Location").orElseThrow();

                HttpResponse<String> list = get(demo.uri("/api/tasks"), alice);
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.body()).contains("from Better Auth");
                assertThat(get(demo.uri(location), bob).statusCode()).isEqualTo(403);
                assertThat(get(demo.uri("/api/tasks"), bob).body()).isEqualTo("[]");
                assertThat(get(demo.uri("/api/tasks"), null).statusCode()).isEqualTo(401);
                exit = demo.stop();
            }
            assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
        }
    }


    private static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        return send("GET", uri, token, null);
    }

    private static HttpResponse<String> send(String method, URI uri, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


}

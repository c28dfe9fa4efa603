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
    private static final Path DEMO_JAR = Path.of("..", "task-demo", "target", "task-demo.jar").toAbsolutePath();

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
        assertThat(DEMO_JAR).as("the demo jar; build it with ./mvnw package").exists();
        try (BetterAuthServer betterAuth = BetterAuthServer.start()) {
            BetterAuthClient client = betterAuth.client();
            String alice = client.token(client.signUp("Alice"));
            String bob = client.sessionJwt(client.signUp("Bob"));
            int port = freePort();
            ProcessBuilder configured = new ProcessBuilder(javaExecutable(), "-jar", DEMO_JAR.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("demo.log").toFile());
            configured.environment().keySet().removeIf(name -> name.startsWith("BETTER_AUTH_"));
            configured.environment().put("PORT", Integer.toString(port));
            configured.environment().put("HOST", "127.0.0.1");
            configured.environment().put("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("tasks"));
            configured.environment().put("BETTER_AUTH_URL", betterAuth.baseUrl().toString());
            Process process = configured.start();
            try {
                URI api = URI.create("http://127.0.0.1:" + port);
                waitForHealth(api, process, dir.resolve("demo.log"));
                String log = Files.readString(dir.resolve("demo.log"));
                assertThat(log).doesNotContain("DEV MODE").contains(betterAuth.baseUrl() + "/api/auth/jwks");

                HttpResponse<String> created = send("POST", api.resolve("/api/tasks"), alice, "{\"title\":\"from Better Auth\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String location = created.headers().firstValue("Location").orElseThrow();

                HttpResponse<String> list = get(api.resolve("/api/tasks"), alice);
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.body()).contains("from Better Auth");
                assertThat(get(api.resolve(location), bob).statusCode()).isEqualTo(403);
                assertThat(get(api.resolve("/api/tasks"), bob).body()).isEqualTo("[]");
                assertThat(get(api.resolve("/api/tasks"), null).statusCode()).isEqualTo(401);
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            assertThat(process.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        }
    }

    private static void waitForHealth(URI api, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("task-demo exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                if (get(api.resolve("/health"), null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task-demo did not become healthy: " + Files.readString(log));
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

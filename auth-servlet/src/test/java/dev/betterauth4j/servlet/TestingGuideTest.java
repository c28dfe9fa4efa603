package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md's example, compiled and run as written: an application's protected endpoint tested with the test kit
 * (betterauth4j-test) instead of a Better Auth server. The application is a servlet behind {@link BetterAuthFilter} on
 * embedded Jetty; the guide leaves starting it to the reader ({@code startApplication}, below the example).
 */
class TestingGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "testing.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "dev", "betterauth4j", "servlet",
            "TestingGuideTest.java");

    // testing.md:BEGIN
    static final SigningKey KEY = SigningKey.of("EdDSA");   // Better Auth's default algorithm
    static JwksServer betterAuth;                           // stands in for your Better Auth server

    @BeforeAll
    static void startBetterAuthAndTheApplication() throws Exception {
        betterAuth = JwksServer.serving(KEY);               // serves KEY at {baseUrl}/api/auth/jwks
        startApplication(betterAuth.baseUrl());             // your application, with BETTER_AUTH_URL = that URL
    }

    @AfterAll
    static void stop() throws Exception {
        stopApplication();
        betterAuth.close();
    }

    @Test
    void aSignedInUserGetsTheirTasks() throws Exception {
        String token = betterAuth.token(KEY).subject("user-42").email("bob@example.com").sign();

        HttpResponse<String> response = get("/api/tasks", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("user-42");
    }

    @Test
    void expiredForgedAndOtherApplicationsTokensAreRefused() throws Exception {
        assertThat(get("/api/tasks", betterAuth.token(KEY).expired().sign()).statusCode()).isEqualTo(401);
        assertThat(get("/api/tasks", betterAuth.token(KEY).wrongAudience().sign()).statusCode()).isEqualTo(401);
        assertThat(get("/api/tasks", betterAuth.token(KEY).signWithUnpublishedKey()).statusCode()).isEqualTo(401);
        assertThat(get("/api/tasks", null).statusCode()).isEqualTo(401);
    }
    // testing.md:END

    @Test
    void theGuideShowsExactlyTheCodeThisTestRuns() throws IOException {
        Matcher block = Pattern.compile("<!-- compiled in TestingGuideTest -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(GUIDE));
        assertThat(block.find()).as("docs/testing.md has the example block").isTrue();
        String source = Files.readString(THIS_FILE);
        String tested = source.substring(source.indexOf("// testing.md:BEGIN") + "// testing.md:BEGIN".length(),
                source.indexOf("    // testing.md:END"));

        assertThat(block.group(1).strip()).isEqualTo(outdent(tested).strip());
    }

    private static String outdent(String code) {
        return code.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .reduce("", (a, b) -> a + b + "\n");
    }

    // The application under test: one endpoint behind the filter, configured with Better Auth's base URL.

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Server server;
    private static URI application;

    private static void startApplication(URI betterAuthUrl) throws Exception {
        BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(betterAuthUrl).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new TasksServlet()), "/api/tasks");
        context.addFilter(new FilterHolder(BetterAuthFilter.builder(verifier).build()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        server.setHandler(context);
        server.start();
        application = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static void stopApplication() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(application.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class TasksServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("tasks of " + BetterAuthFilter.requireUser(request).id());
        }
    }
}

package dev.betterauth4j.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;

/**
 * The task demo: a JSON task API on embedded Jetty where every user sees and changes only their own tasks,
 * authenticated by {@link BetterAuthFilter}.
 *
 * <p>Run {@code java -jar task-demo/target/task-demo.jar}. With no {@code BETTER_AUTH_*} variable it starts in dev
 * mode (a throwaway key, tokens for alice and bob printed as curl commands); with {@code BETTER_AUTH_URL} it
 * verifies tokens from that Better Auth app. SIGTERM stops it gracefully: requests in flight finish, then the
 * database is closed.
 */
public final class TaskDemo implements AutoCloseable {

    private static final Logger LOGGER = System.getLogger(TaskDemo.class.getName());
    static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Server server;
    private final BetterAuthVerifier verifier;
    private final HikariDataSource dataSource;
    private final DevTokenIssuer devTokens;
    private final URI baseUrl;
    private boolean closed;

    private TaskDemo(Server server, BetterAuthVerifier verifier, HikariDataSource dataSource, DevTokenIssuer devTokens,
                     URI baseUrl) {
        this.server = server;
        this.verifier = verifier;
        this.dataSource = dataSource;
        this.devTokens = devTokens;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the demo from the environment and serves until the process is stopped.
     *
     * @param args ignored
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        TaskDemo demo;
        try {
            demo = start(DemoConfig.fromEnvironment(System.getenv()), Clock.systemUTC(), System.out);
        } catch (IllegalArgumentException | StartFailure e) {
            System.err.println("task-demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "task-demo-shutdown"));
        demo.server.join();
    }

    static TaskDemo start(DemoConfig config, Clock clock, PrintStream console) throws Exception {
        HikariDataSource dataSource = Database.open(config);
        BetterAuthVerifier verifier = null;
        Server server = null;
        try {
            TaskStore store = new TaskStore(dataSource, clock);
            store.createSchema();

            server = new Server();
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            server.setErrorHandler(new ProblemErrorHandler());
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            server.addConnector(connector);
            connector.open();
            URI baseUrl = URI.create("http://localhost:" + connector.getLocalPort());

            DevTokenIssuer devTokens = config.devMode() ? DevTokenIssuer.generate(baseUrl, clock) : null;
            verifier = devTokens != null
                    ? BetterAuthVerifier.builder().baseUrl(baseUrl).clock(clock).build()
                    : BetterAuthVerifier.fromEnvironment(config.betterAuth());

            ObjectMapper json = jsonMapper();
            ProblemWriter problems = new ProblemWriter(json);
            BetterAuthFilter.Builder filter = BetterAuthFilter.builder(verifier).publicPaths("/health");
            ServletContextHandler context = new ServletContextHandler("/");
            if (devTokens != null) {
                filter.publicPaths("/api/auth/jwks");
                context.addServlet(new ServletHolder("jwks", new JwksServlet(devTokens.jwksJson(), problems)),
                        "/api/auth/jwks");
            }
            context.addFilter(new FilterHolder(new UnreadBodyFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(filter.build()), "/*",
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            context.addServlet(new ServletHolder("tasks", new TaskApiServlet(store, json)), "/api/*");
            context.addServlet(new ServletHolder("health", new HealthServlet(store, problems)), "/health");
            NotFoundServlet notFound = new NotFoundServlet(problems);
            context.addServlet(new ServletHolder("default", notFound), "/");
            ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
            errors.setShowStacks(false);
            errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/__error");
            context.addServlet(new ServletHolder("error", notFound), "/__error");
            context.setErrorHandler(errors);
            Handler application = context;
            if (config.cors().enabled()) {
                // In front of the context, so preflights never reach the filter and every answer, the filter's
                // refusals included, carries the CORS headers a page needs to read it.
                CrossOriginHandler cors = config.cors().handler();
                cors.setHandler(context);
                application = cors;
            }
            server.setHandler(new GracefulHandler(application));
            server.start();

            TaskDemo demo = new TaskDemo(server, verifier, dataSource, devTokens, baseUrl);
            LOGGER.log(Level.INFO, () -> "task-demo listening on " + config.host() + ":" + connector.getLocalPort()
                    + ", " + config + ", " + demo.verifier);
            if (devTokens != null) {
                DevModeBanner.print(console, baseUrl, devTokens);
                LOGGER.log(Level.WARNING, "DEV MODE: tokens are signed with a throwaway key and printed on the console."
                        + " Not for production. Set BETTER_AUTH_URL to verify your Better Auth app's tokens.");
            }
            return demo;
        } catch (Exception | Error e) {
            if (server != null) {
                server.stop();
            }
            if (verifier != null) {
                verifier.close();
            }
            dataSource.close();
            throw e;
        }
    }

    static ObjectMapper jsonMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(TaskRequestParser.MAX_BODY_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    int port() {
        return baseUrl.getPort();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** For tests: the database disappears while the server keeps running. */
    void closeDatabaseForTest() {
        dataSource.close();
    }

    /** Dev mode's token issuer, or null when the demo verifies a real Better Auth app's tokens. */
    DevTokenIssuer devTokens() {
        return devTokens;
    }

    /**
     * Stops gracefully: new requests are refused, requests in flight finish (up to 30 s), then the verifier and the
     * database are closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, () -> "Stopping Jetty failed: " + e);
        }
        verifier.close();
        dataSource.close();
        LOGGER.log(Level.INFO, "task-demo stopped; database closed");
    }

}

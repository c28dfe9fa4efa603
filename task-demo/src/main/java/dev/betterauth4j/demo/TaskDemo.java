package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.servlet.BetterAuthFilterBuilder;
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

import java.io.IOException;
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

    /**
     * Builds and starts the demo, one step after the other; a step that fails leaves nothing open behind it (see
     * {@link OpenedResources}).
     */
    static TaskDemo start(DemoConfig config, Clock clock, PrintStream console) throws Exception {
        try (OpenedResources opened = new OpenedResources()) {
            // The database first: without it there is nothing to serve. The store creates its schema if missing.
            HikariDataSource dataSource = opened.add(Database.open(config));
            TaskStore store = new TaskStore(dataSource, clock);
            store.createSchema();

            // JSON: one mapper for what the demo reads and writes, and one writer for every answer with a body.
            ObjectMapper json = TaskRequestParser.jsonMapper();
            JsonResponseWriter responses = new JsonResponseWriter(json);

            // The server and its connector. The connector is opened now, not at start: dev mode's tokens name the URL
            // the demo answers at, and with PORT=0 only the open socket knows the port. Errors Jetty answers before a
            // request reaches the application (a malformed request line, say) are problem documents too.
            Server server = new Server();
            server.setErrorHandler(new ProblemErrorHandler(responses));
            ServerConnector connector = opened.add(openConnector(server, config));
            URI baseUrl = URI.create("http://localhost:" + connector.getLocalPort());

            // The verifier: of dev mode's throwaway key, or of the Better Auth app the BETTER_AUTH_* settings name.
            DevTokenIssuer devTokens = config.devMode() ? DevTokenIssuer.generate(baseUrl, clock) : null;
            BetterAuthVerifier verifier = opened.add(verifier(config, devTokens, baseUrl, clock));

            // The application: filters, servlets and error page in one servlet context.
            ServletContextHandler application = servletContext(store, verifier, devTokens, json, responses);

            // CORS in front of the application, the graceful stop in front of everything: on stop, new requests are
            // turned away while those in flight get up to STOP_TIMEOUT_MILLIS to finish.
            server.setHandler(new GracefulHandler(withCors(config.cors(), application)));
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);

            // Start, and say where the demo listens (in dev mode, with tokens to try it).
            opened.add(server::stop);
            server.start();
            TaskDemo demo = new TaskDemo(server, verifier, dataSource, devTokens, baseUrl);
            demo.announce(config, console);
            opened.handOver();
            return demo;
        }
    }

    private static ServerConnector openConnector(Server server, DemoConfig config) throws IOException {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        connector.open();
        return connector;
    }

    private static BetterAuthVerifier verifier(DemoConfig config, DevTokenIssuer devTokens, URI baseUrl, Clock clock) {
        if (devTokens == null) {
            return BetterAuthVerifier.fromEnvironment(config.betterAuth());
        }
        // Dev mode: the demo is its own Better Auth app, publishing its key where Better Auth does (JwksServlet).
        return BetterAuthVerifier.builder().baseUrl(baseUrl).clock(clock).build();
    }

    /**
     * The servlet context, in the order a request meets it: the filters, the servlet its path maps to, and for an
     * error raised inside the context, the error page.
     */
    private static ServletContextHandler servletContext(TaskStore store, BetterAuthVerifier verifier,
                                                        DevTokenIssuer devTokens, ObjectMapper json,
                                                        JsonResponseWriter responses) throws IOException {
        ServletContextHandler context = new ServletContextHandler("/");

        // Filters. The unread-body filter first, so that the authentication filter's refusals leave the connection
        // usable too. The authentication filter on error dispatches as well, as its documentation asks: the error
        // page of a request it authenticated sees the user, and that of a request it never judged passes. (That of a
        // request it let through as public is judged again, and refused without a token; no public servlet of the
        // demo raises an error.)
        context.addFilter(new FilterHolder(new UnreadBodyFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(authenticationFilter(verifier, devTokens)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));

        // Servlets. The default servlet ("/") answers every path no other servlet serves, with a 404 problem rather
        // than Jetty's HTML page.
        context.addServlet(new ServletHolder("tasks", new TaskApiServlet(store, json, responses)), "/api/*");
        context.addServlet(new ServletHolder("health", new HealthServlet(store, responses)), "/health");
        if (devTokens != null) {
            context.addServlet(new ServletHolder("jwks", new JwksServlet(json.readTree(devTokens.jwksJson()),
                    responses)), JwksServlet.PATH);
        }
        context.addServlet(new ServletHolder("default", new NotFoundServlet(responses)), "/");

        // Error handling: one error page for every status the container raises inside the context, so that none is
        // answered with Jetty's HTML page or a stack trace.
        ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
        errorPages.setShowStacks(false);
        errorPages.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, ErrorPageServlet.PATH);
        context.setErrorHandler(errorPages);
        context.addServlet(new ServletHolder("error-page", new ErrorPageServlet(responses)), ErrorPageServlet.PATH);
        return context;
    }

    /** The scopes of the task API when it is an OAuth resource server: reads need one, everything else the other. */
    static final String[] REQUIRED_SCOPES = {"GET /api/** tasks:read", "* /api/** tasks:write"};

    /**
     * A bearer token everywhere but on the health check and dev mode's JWKS, which the verifier fetches without. With
     * {@code BETTER_AUTH_RESOURCE} the demo is an OAuth resource server: access tokens need {@code tasks:read} to read
     * and {@code tasks:write} for anything else, and the filter publishes the protected-resource metadata.
     */
    private static BetterAuthFilter authenticationFilter(BetterAuthVerifier verifier, DevTokenIssuer devTokens) {
        BetterAuthFilterBuilder filter = BetterAuthFilter.builder(verifier).publicPaths("/health");
        if (devTokens != null) {
            filter.publicPaths(JwksServlet.PATH);
        }
        if (verifier.protectedResource().isPresent()) {
            filter.requiredScopes(REQUIRED_SCOPES);
        }
        return filter.build();
    }

    /**
     * With CORS configured, Jetty's CORS handler in front of the application: preflights are answered there and never
     * reach the authentication filter, and every answer, the filter's refusals included, carries the CORS headers a
     * page needs to read it.
     */
    private static Handler withCors(CorsOrigins cors, Handler application) {
        if (!cors.enabled()) {
            return application;
        }
        CrossOriginHandler handler = cors.handler();
        handler.setHandler(application);
        return handler;
    }

    private void announce(DemoConfig config, PrintStream console) {
        LOGGER.log(Level.INFO, () -> "task-demo listening on " + config.host() + ":" + port() + ", " + config + ", "
                + verifier);
        if (devTokens != null) {
            DevModeBanner.print(console, baseUrl, devTokens);
            LOGGER.log(Level.WARNING, "DEV MODE: tokens are signed with a throwaway key and printed on the console."
                    + " Not for production. Set BETTER_AUTH_URL to verify your Better Auth app's tokens.");
        }
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

package dev.betterauth4j.servlet;

import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.springframework.web.servlet.DispatcherServlet;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** Embedded Jetty 12 (ee10, Servlet 6.0). */
final class JettyContainer implements ServletContainer {

    private final Server server;
    private final ServerConnector connector;

    private JettyContainer(Setup setup) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setRequestHeaderSize(65_536);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        if (setup.application() == Application.SPRING_MVC) {
            context.addServlet(new ServletHolder("spring", new DispatcherServlet(SpringMvcApplication.context())),
                    "/");
        } else {
            ServletHolder probe = new ServletHolder("probe", new ProbeServlet());
            probe.setAsyncSupported(true);
            for (String mapping : SERVLET_MAPPINGS) {
                context.addServlet(probe, mapping);
            }
        }
        for (FilterSetup filterSetup : setup.filters()) {
            FilterHolder filter = filterSetup.instance() != null ? new FilterHolder(filterSetup.instance())
                    : new FilterHolder(BetterAuthFilter.class);
            if (filterSetup.initParameters() != null) {
                filterSetup.initParameters().forEach(filter::setInitParameter);
            }
            filter.setAsyncSupported(true);
            context.addFilter(filter, filterSetup.urlPattern(), EnumSet.of(DispatcherType.REQUEST,
                    DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD));
        }
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(418, "/error");
        context.setErrorHandler(errors);
        server.setHandler(setup.cors() ? cors(context) : context);
        server.start();
    }

    /** docs/servlet.md's Jetty set-up: the CORS handler wraps the context, so it runs before the filter. */
    private static Handler cors(Handler context) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of(ALLOWED_ORIGIN));
        cors.setAllowedMethods(Set.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type"));
        cors.setExposedHeaders(Set.of("WWW-Authenticate", "Retry-After"));
        cors.setHandler(context);
        return cors;
    }

    static ServletContainer start(Setup setup) throws Exception {
        return new JettyContainer(setup);
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    @Override
    public String toString() {
        return "Jetty " + Server.getVersion();
    }
}

package dev.betterauth4j.servlet;

import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.util.EnumSet;

/** Embedded Jetty 12 (ee10, Servlet 6.0). */
final class JettyContainer implements ServletContainer {

    private final Server server;
    private final ServerConnector connector;

    private JettyContainer(FilterSetup setup) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setRequestHeaderSize(65_536);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder probe = new ServletHolder("probe", new ProbeServlet());
        probe.setAsyncSupported(true);
        for (String mapping : SERVLET_MAPPINGS) {
            context.addServlet(probe, mapping);
        }
        FilterHolder filter = setup.instance() != null ? new FilterHolder(setup.instance())
                : new FilterHolder(BetterAuthFilter.class);
        if (setup.initParameters() != null) {
            setup.initParameters().forEach(filter::setInitParameter);
        }
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC,
                DispatcherType.ERROR, DispatcherType.FORWARD));
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(418, "/error");
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
    }

    static ServletContainer start(FilterSetup setup) throws Exception {
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

package dev.betterauth4j.interop;

import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.EnumSet;

/**
 * A servlet application behind {@link BetterAuthFilter} on a real container (Jetty 12 or Tomcat 11): every path
 * answers {@code <user id> <email> <credential kind>} of the authenticated caller.
 */
final class FilteredApp implements AutoCloseable {

    /** Which container. */
    enum Container { JETTY, TOMCAT }

    /** Answers with who the caller is. */
    static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            var user = BetterAuthFilter.requireUser(request);
            response.setContentType("text/plain");
            response.getWriter().write(request.getUserPrincipal().getName() + " " + user.email() + " "
                    + user.credential());
        }
    }

    private final AutoCloseable stop;
    private final int port;

    private FilteredApp(AutoCloseable stop, int port) {
        this.stop = stop;
        this.port = port;
    }

    static FilteredApp start(Container container, BetterAuthFilter filter) throws Exception {
        return container == Container.JETTY ? jetty(filter) : tomcat(filter);
    }

    private static FilteredApp jetty(BetterAuthFilter filter) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new WhoAmIServlet()), "/*");
        jetty.setHandler(context);
        jetty.start();
        return new FilteredApp(jetty::stop, connector.getLocalPort());
    }

    private static FilteredApp tomcat(BetterAuthFilter filter) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("interop-tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "whoami", new WhoAmIServlet());
        context.addServletMappingDecoded("/*", "whoami");
        FilterDef def = new FilterDef();
        def.setFilterName("betterauth");
        def.setFilterClass(BetterAuthFilter.class.getName());
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("betterauth");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        return new FilteredApp(() -> {
            tomcat.stop();
            tomcat.destroy();
        }, tomcat.getConnector().getLocalPort());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}

package dev.betterauth4j.servlet;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.filters.CorsFilter;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.web.servlet.DispatcherServlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Embedded Tomcat 11 (Servlet 6.1). */
final class TomcatContainer implements ServletContainer {

    private static final String[] DISPATCHERS = {"REQUEST", "ASYNC", "ERROR", "FORWARD"};

    private final Tomcat tomcat;
    private final Path baseDir;

    private TomcatContainer(Setup setup) throws Exception {
        baseDir = Files.createTempDirectory("tomcat-test");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Connector connector = tomcat.getConnector();
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxHttpHeaderSize", "65536");

        Context context = tomcat.addContext("", null);
        if (setup.application() == Application.SPRING_MVC) {
            Tomcat.addServlet(context, "spring", new DispatcherServlet(SpringMvcApplication.context()));
            context.addServletMappingDecoded("/", "spring");
        } else {
            Wrapper probe = Tomcat.addServlet(context, "probe", new ProbeServlet());
            probe.setAsyncSupported(true);
            for (String mapping : SERVLET_MAPPINGS) {
                context.addServletMappingDecoded(mapping, "probe");
            }
        }
        if (setup.cors()) {
            addCorsFilter(context);
        }
        int index = 0;
        for (FilterSetup filterSetup : setup.filters()) {
            String name = "betterauth" + index++;
            FilterDef filter = new FilterDef();
            filter.setFilterName(name);
            filter.setFilterClass(BetterAuthFilter.class.getName());
            if (filterSetup.instance() != null) {
                filter.setFilter(filterSetup.instance());
            } else {
                filterSetup.initParameters().forEach(filter::addInitParameter);
            }
            filter.setAsyncSupported("true");
            context.addFilterDef(filter);
            context.addFilterMap(map(name, filterSetup.urlPattern()));
        }
        ErrorPage teapot = new ErrorPage();
        teapot.setErrorCode(418);
        teapot.setLocation("/error");
        context.addErrorPage(teapot);
        tomcat.start();
        if (!"STARTED".equals(context.getState().name())) {
            tomcat.stop();
            throw new IllegalStateException("Tomcat context failed to start: " + context.getState());
        }
    }

    /** docs/servlet.md's Tomcat set-up: Tomcat's CorsFilter mapped before BetterAuthFilter. */
    private static void addCorsFilter(Context context) {
        FilterDef cors = new FilterDef();
        cors.setFilterName("cors");
        cors.setFilterClass(CorsFilter.class.getName());
        cors.addInitParameter("cors.allowed.origins", ALLOWED_ORIGIN);
        cors.addInitParameter("cors.allowed.methods", "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS");
        cors.addInitParameter("cors.allowed.headers", "Authorization,Content-Type");
        cors.addInitParameter("cors.exposed.headers", "WWW-Authenticate,Retry-After");
        cors.setAsyncSupported("true");
        context.addFilterDef(cors);
        context.addFilterMap(map("cors", "/*"));
    }

    private static FilterMap map(String filterName, String pattern) {
        FilterMap map = new FilterMap();
        map.setFilterName(filterName);
        map.addURLPattern(pattern);
        for (String dispatcher : DISPATCHERS) {
            map.setDispatcher(dispatcher);
        }
        return map;
    }

    static ServletContainer start(Setup setup) throws Exception {
        return new TomcatContainer(setup);
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "Tomcat " + org.apache.catalina.util.ServerInfo.getServerNumber();
    }
}

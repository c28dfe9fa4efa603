package dev.betterauth4j.servlet;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Embedded Tomcat 11 (Servlet 6.1). */
final class TomcatContainer implements ServletContainer {

    private final Tomcat tomcat;
    private final Path baseDir;

    private TomcatContainer(FilterSetup setup) throws Exception {
        baseDir = Files.createTempDirectory("tomcat-test");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Connector connector = tomcat.getConnector();
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxHttpHeaderSize", "65536");

        Context context = tomcat.addContext("", null);
        Wrapper probe = Tomcat.addServlet(context, "probe", new ProbeServlet());
        probe.setAsyncSupported(true);
        for (String mapping : SERVLET_MAPPINGS) {
            context.addServletMappingDecoded(mapping, "probe");
        }
        FilterDef filter = new FilterDef();
        filter.setFilterName("betterauth");
        if (setup.instance() != null) {
            filter.setFilter(setup.instance());
            filter.setFilterClass(BetterAuthFilter.class.getName());
        } else {
            filter.setFilterClass(BetterAuthFilter.class.getName());
            setup.initParameters().forEach(filter::addInitParameter);
        }
        filter.setAsyncSupported("true");
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName("betterauth");
        map.addURLPattern("/*");
        for (String dispatcher : new String[] {"REQUEST", "ASYNC", "ERROR", "FORWARD"}) {
            map.setDispatcher(dispatcher);
        }
        context.addFilterMap(map);
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

    static ServletContainer start(FilterSetup setup) throws Exception {
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

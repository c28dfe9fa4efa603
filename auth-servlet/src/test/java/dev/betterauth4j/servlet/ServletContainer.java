package dev.betterauth4j.servlet;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** A real servlet container on loopback with an application behind one or more BetterAuthFilters. */
interface ServletContainer extends AutoCloseable {

    /** Paths the probe servlet is mapped to (besides the {@code /error} page). */
    String[] SERVLET_MAPPINGS = {"/api/*", "/async/*", "/health", "/public/*", "/publicity", "/teapot", "/internal/*",
        "/error", "/.well-known/*"};

    /** Origins the CORS set-ups allow. */
    String ALLOWED_ORIGIN = "https://app.example.com";

    /** What runs behind the filters. */
    enum Application {
        /** {@link ProbeServlet} on {@link #SERVLET_MAPPINGS}. */
        PROBE,
        /** A Spring MVC {@code DispatcherServlet} on {@code /} with {@link SpringMvcApplication}'s handlers. */
        SPRING_MVC
    }

    /**
     * One filter: a ready instance (set up in code) or the class plus init parameters (set up as {@code web.xml}
     * would), on a URL pattern.
     */
    record FilterSetup(BetterAuthFilter instance, Map<String, String> initParameters, String urlPattern) {
        static FilterSetup instance(BetterAuthFilter filter) {
            return new FilterSetup(filter, null, "/*");
        }

        static FilterSetup initParameters(Map<String, String> parameters) {
            return new FilterSetup(null, parameters, "/*");
        }

        FilterSetup on(String pattern) {
            return new FilterSetup(instance, initParameters, pattern);
        }
    }

    /**
     * A whole set-up: the filters in chain order, the application, and whether the container's own CORS handler
     * (Jetty's {@code CrossOriginHandler}, Tomcat's {@code CorsFilter}) sits in front of them, as docs/servlet.md
     * shows.
     */
    record Setup(List<FilterSetup> filters, Application application, boolean cors) {
        public Setup {
            filters = List.copyOf(filters);
        }

        static Setup of(FilterSetup... filters) {
            return new Setup(List.of(filters), Application.PROBE, false);
        }

        Setup with(Application other) {
            return new Setup(filters, other, cors);
        }

        Setup withCors() {
            return new Setup(filters, application, true);
        }
    }

    /** Starts a container. */
    interface Factory {
        ServletContainer start(Setup setup) throws Exception;
    }

    URI uri(String path);

    int port();

    @Override
    void close() throws Exception;
}

package dev.betterauth4j.servlet;

import java.net.URI;
import java.util.Map;

/** A real servlet container on loopback with the probe servlet behind BetterAuthFilter. */
interface ServletContainer extends AutoCloseable {

    /** Paths the probe servlet is mapped to (besides the {@code /error} page). */
    String[] SERVLET_MAPPINGS = {"/api/*", "/async/*", "/health", "/public/*", "/publicity", "/teapot", "/error"};

    /**
     * How the filter is registered: a ready instance (set up in code) or the class plus init parameters
     * (set up as {@code web.xml} would).
     */
    record FilterSetup(BetterAuthFilter instance, Map<String, String> initParameters) {
        static FilterSetup instance(BetterAuthFilter filter) {
            return new FilterSetup(filter, null);
        }

        static FilterSetup initParameters(Map<String, String> parameters) {
            return new FilterSetup(null, parameters);
        }
    }

    /** Starts a container. */
    interface Factory {
        ServletContainer start(FilterSetup setup) throws Exception;
    }

    URI uri(String path);

    int port();

    @Override
    void close() throws Exception;
}

package dev.betterauth4j.benchmarks.load;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * One embedded Jetty 12 (ee10) on 127.0.0.1 for load tests, with paths answering the same tiny constant body:
 * <ul>
 *   <li>{@code /plain}: no filter (the container's own cost);</li>
 *   <li>{@code /cached}: behind {@link BetterAuthFilter} with a verifier that has {@code tokenCacheSize(10_000)};</li>
 *   <li>{@code /uncached-jdk}, {@code /uncached-tink}, {@code /uncached-bouncycastle}: behind the filter with a
 *       verifier without token cache, whose Ed25519 engine is the one named (RS256 tokens verify the same way on
 *       each: the engine is for EdDSA only).</li>
 * </ul>
 * Every verifier trusts one EdDSA and one RS256 key (a fixed JWKS, issuer and audience {@code http://localhost:3000}).
 * Writes {@code port}, {@code token-EdDSA.txt} and {@code token-RS256.txt} into the directory given, checks every
 * path answers 200 with a token (and the filtered ones 401 without), then writes {@code ready}. Stops itself after
 * {@code --max-seconds} (default 900) so a forgotten server does not linger.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.load.LoadTestServer --dir DIR [--port 0] [--max-seconds 900]
 * </pre>
 */
public final class LoadTestServer {

    static final byte[] BODY = "ok\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> ALGORITHMS = List.of("EdDSA", "RS256");
    /** The Ed25519 engines an uncached path is served with, by their setting names. */
    static final List<String> ENGINES = List.of("jdk", "tink", "bouncycastle");

    private LoadTestServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int port = 0;
        long maxSeconds = 900;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("Usage: LoadTestServer --dir DIR [--port 0] [--max-seconds 900]");
                    System.exit(2);
                }
            }
        }
        if (dir == null) {
            System.err.println("--dir is required");
            System.exit(2);
        }
        Files.createDirectories(dir);

        List<JWK> keys = new ArrayList<>();
        for (String algorithm : ALGORITHMS) {
            Fixture fixture = Fixture.of(algorithm);
            keys.add(fixture.key.publicJwk());
            Files.writeString(dir.resolve("token-" + algorithm + ".txt"), fixture.token);
        }
        JWKSet jwks = new JWKSet(keys);
        // The cached path rarely verifies a signature; it keeps the default tree's engine.
        BetterAuthVerifier cachedVerifier = verifier(jwks, 10_000, "jdk");
        List<BetterAuthVerifier> uncachedVerifiers = new ArrayList<>();
        for (String engine : ENGINES) {
            uncachedVerifiers.add(verifier(jwks, 0, engine));
        }

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("plain", new ConstantServlet(false)), "/plain");
        context.addServlet(new ServletHolder("cached", new ConstantServlet(true)), "/cached");
        EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST);
        context.addFilter(new FilterHolder(BetterAuthFilter.builder(cachedVerifier).build()), "/cached", dispatches);
        for (int i = 0; i < ENGINES.size(); i++) {
            String path = "/uncached-" + ENGINES.get(i);
            context.addServlet(new ServletHolder("uncached-" + ENGINES.get(i), new ConstantServlet(true)), path);
            context.addFilter(new FilterHolder(BetterAuthFilter.builder(uncachedVerifiers.get(i)).build()), path,
                    dispatches);
        }
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();

        int actualPort = connector.getLocalPort();
        long deadlineMillis = Duration.ofSeconds(maxSeconds).toMillis();
        selfCheck(actualPort, dir);
        Files.writeString(dir.resolve("port"), Integer.toString(actualPort));
        Files.writeString(dir.resolve("ready"), "ready\n");
        System.out.println("LoadTestServer on http://127.0.0.1:" + actualPort + " (/plain, /cached, /uncached-"
                + String.join(", /uncached-", ENGINES) + "); verifiers " + cachedVerifier + ", " + uncachedVerifiers
                + "; tokens"
                + " in " + dir.toAbsolutePath() + "; " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; stops by itself after " + deadlineMillis / 1000 + " s");

        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(deadlineMillis);
                System.out.println("LoadTestServer: --max-seconds reached, stopping");
                server.stop();
            } catch (Exception ignored) {
                // interrupted at shutdown
            }
        }, "load-test-server-deadline");
        stopper.setDaemon(true);
        stopper.start();
        server.join();
        cachedVerifier.close();
        uncachedVerifiers.forEach(BetterAuthVerifier::close);
    }

    private static BetterAuthVerifier verifier(JWKSet jwks, int tokenCacheSize, String ed25519Engine) {
        BetterAuthVerifier.Builder builder = BetterAuthVerifier.builder()
                .jwks(jwks)
                .ed25519Engine(ed25519Engine)
                .issuer(Fixture.ISSUER)
                .audiences(Fixture.ISSUER)
                .algorithms(ALGORITHMS);
        if (tokenCacheSize > 0) {
            builder.tokenCacheSize(tokenCacheSize);
        }
        return builder.build();
    }

    /** Every path answers 200 with a token; the filtered ones 401 without, and 401 with a flipped signature. */
    private static void selfCheck(int port, Path dir) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String algorithm : ALGORITHMS) {
            Fixture fixture = Fixture.of(algorithm);
            List<String> paths = new ArrayList<>(List.of("/plain", "/cached"));
            ENGINES.forEach(engine -> paths.add("/uncached-" + engine));
            for (String path : paths) {
                expect(client, port, path, fixture.token, 200);
                if (!path.equals("/plain")) {
                    expect(client, port, path, null, 401);
                    expect(client, port, path, fixture.flippedToken, 401);
                }
            }
        }
    }

    private static void expect(HttpClient client, int port, String path, String token, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException("Self-check: " + path + (token == null ? " without token" : "") + " gave "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
    }

    /** The same 3-byte body for every path; behind the filter it first makes sure the request is authenticated. */
    private static final class ConstantServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final boolean requireUser;

        ConstantServlet(boolean requireUser) {
            this.requireUser = requireUser;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (requireUser) {
                BetterAuthFilter.requireUser(request);
            }
            response.setContentType("text/plain");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}

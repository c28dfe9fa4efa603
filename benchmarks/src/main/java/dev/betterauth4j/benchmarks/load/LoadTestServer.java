package dev.betterauth4j.benchmarks.load;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.BetterAuthVerifierBuilder;
import dev.betterauth4j.servlet.BetterAuthFilter;
import dev.betterauth4j.testkit.SessionServer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One embedded Jetty 12 (ee10) on 127.0.0.1 for load tests, with paths answering the same tiny constant body:
 * <ul>
 *   <li>{@code /plain}: no filter (the container's own cost);</li>
 *   <li>{@code /cached}: behind {@link BetterAuthFilter} with a verifier that has {@code tokenCacheSize(10_000)};</li>
 *   <li>{@code /uncached-jdk}, {@code /uncached-tink}, {@code /uncached-bouncycastle}: behind the filter with a
 *       verifier without token cache, whose Ed25519 engine is the one named (RS256 tokens verify the same way on
 *       each: the engine is for EdDSA only);</li>
 *   <li>{@code /session}: behind the filter with a verifier that accepts Better Auth session cookies
 *       ({@code sessions(...)}, the secret, {@code sessions.cacheTtl} of {@code --session-ttl} seconds, default 30),
 *       resolved by a stand-in {@code get-session} on loopback ({@link SessionServer}, in this JVM) for
 *       {@code --sessions} signed-in users (default 100), whose cookies go to {@code session-cookies.txt}, one
 *       {@code Cookie} header value per line;</li>
 *   <li>{@code /session-calls} (no filter): how often the stand-in was called for those sessions, as
 *       {@code calls=<total> max_per_session=<most for one session> sessions_called=<how many>}.</li>
 * </ul>
 * Every verifier trusts one EdDSA and one RS256 key (a fixed JWKS, issuer and audience {@code http://localhost:3000}).
 * Writes {@code port}, {@code token-EdDSA.txt} and {@code token-RS256.txt} into the directory given, checks every
 * path answers 200 with a token (and the filtered ones 401 without), then writes {@code ready}. Stops itself after
 * {@code --max-seconds} (default 900) so a forgotten server does not linger.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.load.LoadTestServer --dir DIR [--port 0] [--max-seconds 900]
 *      [--sessions 100] [--session-ttl 30]
 * </pre>
 */
public final class LoadTestServer {

    static final byte[] BODY = "ok\n".getBytes(StandardCharsets.US_ASCII);
    static final List<String> ALGORITHMS = List.of("EdDSA", "RS256");
    /** The Ed25519 engines an uncached path is served with, by their setting names. */
    static final List<String> ENGINES = List.of("jdk", "tink", "bouncycastle");
    static final String SESSION_COOKIE = "better-auth.session_token";

    private LoadTestServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int port = 0;
        long maxSeconds = 900;
        int sessionCount = 100;
        long sessionTtlSeconds = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Long.parseLong(args[++i]);
                case "--sessions" -> sessionCount = Integer.parseInt(args[++i]);
                case "--session-ttl" -> sessionTtlSeconds = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("Usage: LoadTestServer --dir DIR [--port 0] [--max-seconds 900]"
                            + " [--sessions 100] [--session-ttl 30]");
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

        SessionServer betterAuth = SessionServer.start(Fixture.SECRET);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.add(betterAuth.signIn("load-user-" + i));
        }
        Files.write(dir.resolve("session-cookies.txt"), sessions.stream()
                .map(signed -> SESSION_COOKIE + "=" + SessionServer.cookieValue(signed)).toList());
        Duration sessionTtl = Duration.ofSeconds(sessionTtlSeconds);
        BetterAuthVerifier sessionVerifier = BetterAuthVerifier.builder().baseUrl(betterAuth.baseUrl())
                .sharedSecret(Fixture.SECRET).sessions(session -> session.cacheTtl(sessionTtl))
                .build();

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
        context.addServlet(new ServletHolder("session", new ConstantServlet(true)), "/session");
        context.addFilter(new FilterHolder(BetterAuthFilter.builder(sessionVerifier).build()), "/session", dispatches);
        context.addServlet(new ServletHolder("session-calls", new SessionCallsServlet(betterAuth, sessions)),
                "/session-calls");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();

        int actualPort = connector.getLocalPort();
        long deadlineMillis = Duration.ofSeconds(maxSeconds).toMillis();
        selfCheck(actualPort, betterAuth);
        Files.writeString(dir.resolve("port"), Integer.toString(actualPort));
        Files.writeString(dir.resolve("ready"), "ready\n");
        System.out.println("LoadTestServer on http://127.0.0.1:" + actualPort + " (/plain, /cached, /uncached-"
                + String.join(", /uncached-", ENGINES) + ", /session); verifiers " + cachedVerifier + ", "
                + uncachedVerifiers + ", " + sessionVerifier + "; " + sessionCount + " sessions; tokens"
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
        sessionVerifier.close();
        betterAuth.close();
    }

    private static BetterAuthVerifier verifier(JWKSet jwks, int tokenCacheSize, String ed25519Engine) {
        BetterAuthVerifierBuilder builder = BetterAuthVerifier.builder()
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

    /**
     * Every path answers 200 with a token; the filtered ones 401 without, and 401 with a flipped signature; the session
     * path 200 with a session cookie (of a session of its own, so the load's sessions start uncached) and 401 with a
     * forged one.
     */
    private static void selfCheck(int port, SessionServer betterAuth) throws IOException, InterruptedException {
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
        String signed = betterAuth.signIn("self-check");
        expectWithCookie(client, port, SessionServer.cookieValue(signed), 200);
        expectWithCookie(client, port, SessionServer.cookieValue(SessionServer.tokenOf(signed) + "."
                + betterAuth.sign("another-token")), 401);
        expect(client, port, "/session", null, 401);
    }

    private static void expectWithCookie(HttpClient client, int port, String cookieValue, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/session")).timeout(Duration.ofSeconds(10)).header("Cookie", SESSION_COOKIE + "=" + cookieValue)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException("Self-check: /session with a session cookie gave " + response.statusCode()
                    + ", expected " + status + ": " + response.body());
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

    /** The stand-in's calls for the load's sessions: total, the most for one session, and how many were called. */
    private static final class SessionCallsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient SessionServer betterAuth;
        private final List<String> tokens;

        SessionCallsServlet(SessionServer betterAuth, List<String> sessions) {
            this.betterAuth = betterAuth;
            this.tokens = sessions.stream().map(SessionServer::tokenOf).toList();
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, Integer> calls = new HashMap<>();
            for (Map<String, List<String>> headers : betterAuth.requestHeaders()) {
                String cookie = String.join(";", headers.getOrDefault("Cookie", List.of()));
                for (String token : tokens) {
                    if (cookie.contains(token)) {
                        calls.merge(token, 1, Integer::sum);
                    }
                }
            }
            String body = "calls=" + calls.values().stream().mapToInt(Integer::intValue).sum() + " max_per_session="
                    + calls.values().stream().mapToInt(Integer::intValue).max().orElse(0) + " sessions_called="
                    + calls.size() + "\n";
            response.setContentType("text/plain");
            response.getWriter().write(body);
        }
    }
}

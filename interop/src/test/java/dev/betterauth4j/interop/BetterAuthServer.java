package dev.betterauth4j.interop;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Better Auth 1.7.25 server ({@code interop/better-auth-server/server.mjs}, installed by {@code npm ci}),
 * started with {@code node} on a free loopback port and stopped with SIGTERM when closed, also when a test fails.
 *
 * <p>Under {@code CI=true} a missing Node or a missing {@code node_modules} fails the test; elsewhere it skips with
 * a message saying what to install.
 */
final class BetterAuthServer implements AutoCloseable {

    static final Path DIRECTORY = Path.of("better-auth-server").toAbsolutePath();
    static final String SECRET = "betterauth4j-interop-test-secret-0123456789-abcdefXYZ";

    private final Process process;
    private final URI baseUrl;
    private final StringBuffer stderr = new StringBuffer();

    private BetterAuthServer(Map<String, String> env) throws IOException, InterruptedException {
        requireNodeAndServer();
        ProcessBuilder builder = new ProcessBuilder(node(), "server.mjs").directory(DIRECTORY.toFile());
        builder.environment().put("PORT", "0");
        builder.environment().put("BA_SECRET", SECRET);
        builder.environment().put("NODE_ENV", "test");
        builder.environment().putAll(env);
        process = builder.start();
        drain(process.getErrorStream(), stderr);
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(this::readReadyLine);
        try {
            String line = ready.get(30, TimeUnit.SECONDS);
            baseUrl = URI.create("http://127.0.0.1:" + line.substring("READY ".length()).trim());
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            close();
            throw new IllegalStateException("Better Auth server did not start: " + stderr, e);
        }
    }

    /** Starts a server with these {@code BA_*} settings (see the server's README). */
    static BetterAuthServer start(Map<String, String> env) {
        try {
            return new BetterAuthServer(env);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static BetterAuthServer start(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return start(env);
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Better Auth's endpoints live under {@code /api/auth}. */
    URI auth(String path) {
        return URI.create(baseUrl + "/api/auth" + path);
    }

    BetterAuthClient client() {
        return new BetterAuthClient(this);
    }

    private String readReadyLine() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            throw new IllegalStateException("Better Auth server exited: " + stderr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(InputStream stream, StringBuffer into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (into.length() < 64 * 1024) {
                        into.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "better-auth-server-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Fails under CI, skips elsewhere, when Node or the installed server is missing. */
    static void requireNodeAndServer() {
        String problem = null;
        if (node() == null) {
            problem = "node is not on the PATH (Node 20+ is needed for the Better Auth interop server)";
        } else if (!Files.isDirectory(DIRECTORY.resolve("node_modules/better-auth"))) {
            problem = "the Better Auth interop server is not installed: run `npm ci` in " + DIRECTORY;
        }
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + problem);
        }
        System.err.println("Skipping the Better Auth interop suite: " + problem);
        Assumptions.abort("Skipping the Better Auth interop suite: " + problem);
    }

    private static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "BetterAuthServer[" + baseUrl + "]";
    }
}

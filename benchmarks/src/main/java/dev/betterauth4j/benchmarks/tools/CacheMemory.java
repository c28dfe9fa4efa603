package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.benchmarks.Peers;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;

import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Measures the heap one verified-token cache entry costs: builds a verifier with {@code tokenCacheSize(N)}, verifies
 * N distinct valid tokens (each with its own {@code jti}), and compares heap use after full GCs before and after.
 * The entry includes the token string itself (the cache key, which nothing else keeps alive in a server), the
 * {@code AuthenticatedUser} with its claims, and the map entry. A verifier without cache, given the same work, is the
 * control (it should retain about nothing).
 *
 * <pre>
 * java -XX:+UseSerialGC -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.CacheMemory [N] [ALG]
 * </pre>
 */
public final class CacheMemory {

    private CacheMemory() {
    }

    private record Result(long retained, int averageTokenLength) {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String algorithm = args.length > 1 ? args[1] : "EdDSA";
        Fixture fixture = Fixture.of(algorithm);

        // One-time allocations (lazily built tables and caches in the JDK and Nimbus, ~0.3 MB) happen in this
        // discarded pass, not in the measured ones.
        measure(fixture, Math.min(entries, 2_000), 0);
        Result control = measure(fixture, entries, 0);
        Result cached = measure(fixture, entries, entries);
        System.out.printf(Locale.ROOT, "JVM %s %s, %s tokens of %d chars on average, %,d distinct tokens (jti)%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), algorithm,
                cached.averageTokenLength, entries);
        System.out.printf(Locale.ROOT, "- tokenCacheSize(%,d) filled with %,d tokens: %,d bytes retained, **%,d bytes per"
                        + " entry**, of which the token string itself is about %d%n",
                entries, entries, cached.retained, cached.retained / entries, cached.averageTokenLength + 40);
        System.out.printf(Locale.ROOT, "- control, no cache, the same %,d verifications: %,d bytes retained in all"
                        + " (net of it: %,d bytes per entry)%n",
                entries, control.retained, (cached.retained - control.retained) / entries);
    }

    private static Result measure(Fixture fixture, int entries, int cacheSize)
            throws TokenVerificationException, InterruptedException {
        BetterAuthVerifier verifier = Peers.betterauth4j(fixture, cacheSize);
        verifier.verify(fixture.token); // classes and keys loaded before the baseline
        long before = usedAfterGc();
        long totalLength = 0;
        for (int i = 0; i < entries; i++) {
            String token = Fixture.token(fixture.key, String.format(Locale.ROOT, "jti-%08d", i));
            totalLength += token.length();
            verifier.verify(token);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(verifier);
        verifier.close();
        return new Result(after - before, (int) (totalLength / entries));
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}

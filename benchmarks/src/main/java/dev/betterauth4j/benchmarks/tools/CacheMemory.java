package dev.betterauth4j.benchmarks.tools;

import dev.betterauth4j.benchmarks.Fixture;
import dev.betterauth4j.benchmarks.Peers;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the heap one verified-token cache entry costs, and where it goes: builds a verifier with
 * {@code tokenCacheSize(N)}, verifies N distinct valid tokens (each with its own {@code jti}), and compares heap use
 * after full GCs before and after. The same N tokens are then measured in parts, each kept alive on its own in a list
 * (4 bytes a reference, subtracted):
 * <ul>
 *   <li>the token texts alone (what a cache keyed by the token's text keeps, and nothing else in a server does);</li>
 *   <li>the {@link AuthenticatedUser}s a verifier without cache returns (the user with its claims);</li>
 *   <li>their {@code claims()} maps alone (the claim names, values and the map around them).</li>
 * </ul>
 * The entry's own structure (key, map node, eviction slot) is the total less the user and, if it keeps it, the token
 * text. A verifier without cache, given the same work, is the control (it should retain about nothing).
 *
 * <pre>
 * java -XX:+UseSerialGC -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.CacheMemory [N] [ALG]
 * </pre>
 */
public final class CacheMemory {

    private CacheMemory() {
    }

    /** What a measurement kept alive: nothing, the cache, the token texts, the users, or the users' claims. */
    private enum Kept { NOTHING, CACHE, TOKENS, USERS, CLAIMS }

    private record Result(long retained, int averageTokenLength) {
        long perEntry(int entries, boolean list) {
            return retained / entries - (list ? 4 : 0);
        }
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String algorithm = args.length > 1 ? args[1] : "EdDSA";
        Fixture fixture = Fixture.of(algorithm);

        // One-time allocations (lazily built tables and caches in the JDK and Nimbus, ~0.3 MB) happen in this
        // discarded pass, not in the measured ones.
        measure(fixture, Math.min(entries, 2_000), Kept.CACHE);
        Result control = measure(fixture, entries, Kept.NOTHING);
        Result cached = measure(fixture, entries, Kept.CACHE);
        Result tokens = measure(fixture, entries, Kept.TOKENS);
        Result users = measure(fixture, entries, Kept.USERS);
        Result claims = measure(fixture, entries, Kept.CLAIMS);
        long total = cached.perEntry(entries, false);
        long user = users.perEntry(entries, true);
        long text = tokens.perEntry(entries, true);
        long claimsOnly = claims.perEntry(entries, true);
        System.out.printf(Locale.ROOT, "JVM %s %s, %s tokens of %d chars on average, %,d distinct tokens (jti)%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), algorithm,
                cached.averageTokenLength, entries);
        System.out.printf(Locale.ROOT, "- tokenCacheSize(%,d) filled with %,d tokens: %,d bytes retained, **%,d bytes per"
                + " entry**%n", entries, entries, cached.retained, total);
        System.out.printf(Locale.ROOT, "- where it goes, per entry: the `AuthenticatedUser` %,d bytes (of which its"
                + " `claims()` map %,d, the rest the user's own fields: audience list, instants, the record); the"
                + " entry's key, map node and eviction slot %,d bytes; the token text, had it been kept, %,d bytes"
                + " (a cache that keeps it spends it on top)%n", user, claimsOnly, total - user, text);
        System.out.printf(Locale.ROOT, "- control, no cache, the same %,d verifications: %,d bytes retained in all"
                + " (net of it: %,d bytes per entry)%n", entries, control.retained,
                (cached.retained - control.retained) / entries);
    }

    private static Result measure(Fixture fixture, int entries, Kept kept)
            throws TokenVerificationException, InterruptedException {
        BetterAuthVerifier verifier = Peers.betterauth4j(fixture, kept == Kept.CACHE ? entries : 0);
        verifier.verify(fixture.token); // classes and keys loaded before the baseline
        List<Object> list = kept == Kept.TOKENS || kept == Kept.USERS || kept == Kept.CLAIMS
                ? new ArrayList<>(entries) : null;
        long before = usedAfterGc();
        long totalLength = 0;
        for (int i = 0; i < entries; i++) {
            String token = Fixture.token(fixture.key, String.format(Locale.ROOT, "jti-%08d", i));
            totalLength += token.length();
            AuthenticatedUser user = verifier.verify(token);
            switch (kept) {
                case TOKENS -> list.add(token);
                case USERS -> list.add(user);
                case CLAIMS -> list.add(user.claims());
                default -> {
                }
            }
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(verifier);
        Reference.reachabilityFence(list);
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

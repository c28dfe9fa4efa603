package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the verified-token cache behaves when threads verify at once. Meant to be run twice, with {@code -t 1} and with
 * {@code -t 4} (two threads per core on the benchmark machine), and the two compared: on two cores a path that does
 * not contend scales to about 2× (run.sh does both and renders the ratios). Every verifier is shared by all threads,
 * as an application shares its verifier; Ed25519 runs on Bouncy Castle, the fastest engine, so the cache's own share
 * of a miss is as large as it gets with EdDSA (HS256 makes it larger still).
 *
 * <ul>
 *   <li>{@code contendedHitOneToken}: every thread presents the same token, as a new {@code String} each time (as a
 *       server does): lookups of one entry;</li>
 *   <li>{@code contendedHitManyTokens}: {@value #WORKING_SET} distinct tokens, all cached, each thread walking them
 *       from its own random start;</li>
 *   <li>{@code contendedMissChurn}: {@value #CHURN_TOKENS} distinct tokens through a cache of {@value #CHURN_CACHE}
 *       entries: every call misses, verifies, inserts and evicts under its stripe's lock;</li>
 *   <li>{@code contendedCold}: the same tokens without a cache, the baseline for the misses.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=bouncycastle")
public class TokenCacheContentionBenchmark {

    static final int WORKING_SET = 1_000;
    static final int CHURN_TOKENS = 4_096;
    static final int CHURN_CACHE = 256;

    @Param({"EdDSA", "HS256"})
    public String alg;

    private String token;
    private String[] workingSet;
    private String[] churnTokens;
    private BetterAuthVerifier cached;
    private BetterAuthVerifier churning;
    private BetterAuthVerifier cold;

    /** Each thread's position in the token arrays. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next = ThreadLocalRandom.current().nextInt(CHURN_TOKENS);

        /** The next position, never negative (a plain increment would overflow in a long run). */
        int advance() {
            next = next == Integer.MAX_VALUE ? 0 : next + 1;
            return next;
        }
    }

    @Setup
    public void setUp() throws TokenVerificationException {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        workingSet = tokens(fixture, "set", WORKING_SET);
        churnTokens = tokens(fixture, "churn", CHURN_TOKENS);
        cached = Peers.betterauth4j(fixture, 10_000);
        churning = Peers.betterauth4j(fixture, CHURN_CACHE);
        cold = Peers.betterauth4j(fixture, 0);
        TokenCheck.requireAcceptsAndRejects("contended", fixture, cached::verify);
        if (alg.equals("EdDSA") && !cold.toString().contains("ed25519=bouncycastle")) {
            throw new IllegalStateException("expected the Bouncy Castle engine: " + cold);
        }
        for (String each : workingSet) {
            cached.verify(each);
        }
    }

    private static String[] tokens(Fixture fixture, String prefix, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(Fixture.token(fixture.key, String.format(Locale.ROOT, "%s-%05d", prefix, i)));
        }
        return tokens.toArray(String[]::new);
    }

    @TearDown
    public void tearDown() {
        cached.close();
        churning.close();
        cold.close();
    }

    @Benchmark
    public AuthenticatedUser contendedHitOneToken() throws TokenVerificationException {
        return cached.verify(new String(token.toCharArray()));
    }

    @Benchmark
    public AuthenticatedUser contendedHitManyTokens(Cursor cursor) throws TokenVerificationException {
        return cached.verify(workingSet[cursor.advance() % WORKING_SET]);
    }

    @Benchmark
    public AuthenticatedUser contendedMissChurn(Cursor cursor) throws TokenVerificationException {
        return churning.verify(churnTokens[cursor.advance() % CHURN_TOKENS]);
    }

    @Benchmark
    public AuthenticatedUser contendedCold(Cursor cursor) throws TokenVerificationException {
        return cold.verify(churnTokens[cursor.advance() % CHURN_TOKENS]);
    }
}

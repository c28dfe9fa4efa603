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

/**
 * {@code betterauth4jCold}: a {@link BetterAuthVerifier} without token cache, so every call does the full
 * verification. {@code betterauth4jCacheHit}: one with {@code tokenCacheSize(10_000)}, verifying the token it has
 * already verified. Both are shared by all benchmark threads, as an application shares its verifier.
 *
 * <p>Ed25519 runs on the JDK here, as in an application that added neither Tink nor Bouncy Castle (auth-core's default
 * dependency tree; this module has both on its classpath for the other engines' benchmarks);
 * {@link BetterAuth4jTinkBenchmark} and {@link BetterAuth4jBouncyCastleBenchmark} measure the verifier with them.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=jdk")
public class BetterAuth4jBenchmark {

    @Param({"EdDSA", "ES256", "ES512", "RS256", "PS256", "HS256"})
    public String alg;

    private String token;
    private BetterAuthVerifier cold;
    private BetterAuthVerifier cached;

    @Setup
    public void setUp() throws TokenVerificationException {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        cold = Peers.betterauth4j(fixture, 0);
        cached = Peers.betterauth4j(fixture, 10_000);
        TokenCheck.requireAcceptsAndRejects("betterauth4jCold", fixture, cold::verify);
        TokenCheck.requireAcceptsAndRejects("betterauth4jCacheHit", fixture, cached::verify);
        cached.verify(token); // warm: the benchmark only ever hits the cache
    }

    @TearDown
    public void tearDown() {
        cold.close();
        cached.close();
    }

    @Benchmark
    public AuthenticatedUser betterauth4jCold() throws TokenVerificationException {
        return cold.verify(token);
    }

    @Benchmark
    public AuthenticatedUser betterauth4jCacheHit() throws TokenVerificationException {
        return cached.verify(token);
    }
}

package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cold {@link BetterAuthVerifier} of {@link BetterAuth4jBenchmark} with an Ed25519 engine an application adds
 * (the subclass's fork sets {@code betterauth4j.ed25519} to it): the set-up fails unless the verifier really uses that
 * engine and accepts and rejects as it must.
 */
@State(Scope.Benchmark)
public abstract class ColdEngineBenchmark {

    @Param({"EdDSA"})
    public String alg;

    String token;
    BetterAuthVerifier cold;

    /** The engine's setting name ({@code tink}, {@code bouncycastle}). */
    abstract String engine();

    /** The benchmark's name, for the set-up's checks. */
    abstract String benchmark();

    @Setup
    public void setUp() throws TokenVerificationException {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        cold = Peers.betterauth4j(fixture, 0);
        if (!cold.toString().contains("ed25519=" + engine())) {
            throw new IllegalStateException("expected the " + engine() + " engine: " + cold);
        }
        TokenCheck.requireAcceptsAndRejects(benchmark(), fixture, cold::verify);
    }

    @TearDown
    public void tearDown() {
        cold.close();
    }
}

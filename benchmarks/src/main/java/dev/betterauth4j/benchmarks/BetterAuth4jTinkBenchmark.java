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
 * {@code betterauth4jColdTink}: the same cold {@link BetterAuthVerifier} as {@link BetterAuth4jBenchmark}, in an
 * application that added {@code com.google.crypto.tink:tink}: auth-core then verifies Ed25519 through Nimbus'
 * Tink-based verifier.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=tink")
public class BetterAuth4jTinkBenchmark {

    @Param({"EdDSA"})
    public String alg;

    private String token;
    private BetterAuthVerifier cold;

    @Setup
    public void setUp() throws TokenVerificationException {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        cold = Peers.betterauth4j(fixture, 0);
        if (!cold.toString().contains("ed25519=tink")) {
            throw new IllegalStateException("expected the Tink engine: " + cold);
        }
        TokenCheck.requireAcceptsAndRejects("betterauth4jColdTink", fixture, cold::verify);
    }

    @TearDown
    public void tearDown() {
        cold.close();
    }

    @Benchmark
    public AuthenticatedUser betterauth4jColdTink() throws TokenVerificationException {
        return cold.verify(token);
    }
}

package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code betterauth4jColdTink}: the same cold {@link BetterAuthVerifier} as {@link BetterAuth4jBenchmark}, in an
 * application that added {@code com.google.crypto.tink:tink}: auth-core then verifies Ed25519 through Nimbus'
 * Tink-based verifier.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=tink")
public class BetterAuth4jTinkBenchmark extends ColdEngineBenchmark {

    @Override
    String engine() {
        return "tink";
    }

    @Override
    String benchmark() {
        return "betterauth4jColdTink";
    }

    @Benchmark
    public AuthenticatedUser betterauth4jColdTink() throws TokenVerificationException {
        return cold.verify(token);
    }
}

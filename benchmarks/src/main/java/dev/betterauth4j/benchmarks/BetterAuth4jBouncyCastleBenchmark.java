package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.TokenVerificationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code betterauth4jColdBouncyCastle}: the same cold {@link BetterAuthVerifier} as {@link BetterAuth4jBenchmark}, in
 * an application that added {@code org.bouncycastle:bcprov-jdk18on}: auth-core then verifies Ed25519 with Bouncy
 * Castle's RFC 8032 implementation (its {@code BouncyCastleEd25519Verifier}).
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=bouncycastle")
public class BetterAuth4jBouncyCastleBenchmark extends ColdEngineBenchmark {

    @Override
    String engine() {
        return "bouncycastle";
    }

    @Override
    String benchmark() {
        return "betterauth4jColdBouncyCastle";
    }

    @Benchmark
    public AuthenticatedUser betterauth4jColdBouncyCastle() throws TokenVerificationException {
        return cold.verify(token);
    }
}

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
 * {@code betterauth4jColdBouncyCastle}: the same cold {@link BetterAuthVerifier} as {@link BetterAuth4jBenchmark}, in
 * an application that added {@code org.bouncycastle:bcprov-jdk18on}: auth-core then verifies Ed25519 with Bouncy
 * Castle's RFC 8032 implementation (its {@code BouncyCastleEd25519Verifier}).
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=bouncycastle")
public class BetterAuth4jBouncyCastleBenchmark {

    @Param({"EdDSA"})
    public String alg;

    private String token;
    private BetterAuthVerifier cold;

    @Setup
    public void setUp() throws TokenVerificationException {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        cold = Peers.betterauth4j(fixture, 0);
        if (!cold.toString().contains("ed25519=bouncycastle")) {
            throw new IllegalStateException("expected the Bouncy Castle engine: " + cold);
        }
        TokenCheck.requireAcceptsAndRejects("betterauth4jColdBouncyCastle", fixture, cold::verify);
    }

    @TearDown
    public void tearDown() {
        cold.close();
    }

    @Benchmark
    public AuthenticatedUser betterauth4jColdBouncyCastle() throws TokenVerificationException {
        return cold.verify(token);
    }
}

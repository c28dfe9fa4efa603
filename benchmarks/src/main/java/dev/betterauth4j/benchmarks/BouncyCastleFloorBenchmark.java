package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;

/**
 * Bouncy Castle's Ed25519 over the same signing input and signature as {@code floor}:
 * {@code floorBouncyCastle} calls the low-level {@code math.ec.rfc8032.Ed25519.verify} with the public key decoded
 * once (what auth-core's engine does), {@code floorBouncyCastleSigner} the {@code Ed25519Signer} API (which buffers
 * the message). {@code floorPlusParseBouncyCastle}: the minimal correct verifier ({@link MinimalVerifier}) with the
 * low-level check in place of the JDK's, the baseline for {@code betterauth4jColdBouncyCastle}.
 */
@State(Scope.Thread)
public class BouncyCastleFloorBenchmark {

    @Param({"EdDSA"})
    public String alg;

    private Fixture fixture;
    private SignatureCheck lowLevel;
    private SignatureCheck signer;
    private MinimalVerifier minimal;

    @Setup
    public void setUp() {
        fixture = Fixture.of(alg);
        lowLevel = Ed25519Checks.bouncyCastle(fixture);
        signer = Ed25519Checks.bouncyCastleSigner(fixture);
        minimal = new MinimalVerifier(fixture, Ed25519Checks.bouncyCastle(fixture));
        FloorChecks.requireTellsValidFromInvalid("floorBouncyCastle", fixture, lowLevel);
        FloorChecks.requireTellsValidFromInvalid("floorBouncyCastleSigner", fixture, signer);
        TokenCheck.requireAcceptsAndRejects("floorPlusParseBouncyCastle", fixture, minimal::verify);
    }

    @Benchmark
    public boolean floorBouncyCastle() {
        return FloorChecks.require(lowLevel.verify(fixture.signingInput, fixture.signature));
    }

    @Benchmark
    public boolean floorBouncyCastleSigner() {
        return FloorChecks.require(signer.verify(fixture.signingInput, fixture.signature));
    }

    @Benchmark
    public JsonNode floorPlusParseBouncyCastle() throws IOException {
        return minimal.verify(fixture.token);
    }
}

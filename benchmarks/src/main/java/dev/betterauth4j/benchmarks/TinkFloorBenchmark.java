package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;

/**
 * {@code floorTink}: Google Tink's pure-Java Ed25519 ({@code new subtle.Ed25519Verify(byte[])}, the constructor
 * Nimbus' own Ed25519Verifier uses; Tink's {@code Ed25519Verify.create(..)} would pick the JDK provider instead)
 * over the same signing input and signature as {@code floor}. {@code floorPlusParseTink}: the minimal correct
 * verifier ({@link MinimalVerifier}) with Tink's check in place of the JDK's.
 */
@State(Scope.Thread)
public class TinkFloorBenchmark {

    @Param({"EdDSA"})
    public String alg;

    private Fixture fixture;
    private SignatureCheck tink;
    private MinimalVerifier minimal;

    @Setup
    public void setUp() {
        fixture = Fixture.of(alg);
        tink = Ed25519Checks.tink(fixture);
        minimal = new MinimalVerifier(fixture, Ed25519Checks.tink(fixture));
        FloorChecks.requireTellsValidFromInvalid("floorTink", fixture, tink);
        TokenCheck.requireAcceptsAndRejects("floorPlusParseTink", fixture, minimal::verify);
    }

    @Benchmark
    public boolean floorTink() {
        return FloorChecks.require(tink.verify(fixture.signingInput, fixture.signature));
    }

    @Benchmark
    public JsonNode floorPlusParseTink() throws IOException {
        return minimal.verify(fixture.token);
    }
}

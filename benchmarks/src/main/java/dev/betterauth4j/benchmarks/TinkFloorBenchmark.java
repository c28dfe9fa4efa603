package dev.betterauth4j.benchmarks;

import com.google.crypto.tink.subtle.Ed25519Verify;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.GeneralSecurityException;

/**
 * {@code floorTink}: Google Tink's pure-Java Ed25519 ({@code new subtle.Ed25519Verify(byte[])}, the constructor
 * Nimbus' own Ed25519Verifier uses; Tink's {@code Ed25519Verify.create(..)} would pick the JDK provider instead)
 * over the same signing input and signature as {@code floor}.
 */
@State(Scope.Thread)
public class TinkFloorBenchmark {

    @Param({"EdDSA"})
    public String alg;

    private byte[] signingInput;
    private byte[] signature;
    private Ed25519Verify verifier;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Fixture fixture = Fixture.of(alg);
        signingInput = fixture.signingInput;
        signature = fixture.signature;
        verifier = new Ed25519Verify(fixture.ed25519RawPublicKey());
        verifier.verify(signature, signingInput);
        try {
            verifier.verify(fixture.flippedSignature, signingInput);
        } catch (GeneralSecurityException expected) {
            return;
        }
        throw new IllegalStateException("floorTink accepted a flipped signature");
    }

    @Benchmark
    public boolean floorTink() throws GeneralSecurityException {
        verifier.verify(signature, signingInput); // throws if invalid
        return true;
    }
}

package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;

/**
 * {@code floor}: the JDK's signature check alone, over precomputed signing input and signature bytes.
 * {@code floorPlusParse}: the least a correct verifier must do around it ({@link MinimalVerifier}).
 * Per-thread state: each thread has its own initialised {@code Signature}/{@code Mac}.
 */
@State(Scope.Thread)
public class FloorBenchmark {

    @Param({"EdDSA", "ES256", "ES512", "RS256", "PS256", "HS256"})
    public String alg;

    private Fixture fixture;
    private byte[] signingInput;
    private byte[] signature;
    private JdkCrypto crypto;
    private MinimalVerifier minimal;

    @Setup
    public void setUp() {
        fixture = Fixture.of(alg);
        signingInput = fixture.signingInput;
        signature = fixture.signature;
        crypto = JdkCrypto.forFixture(fixture);
        minimal = new MinimalVerifier(fixture);
        if (!crypto.verify(signingInput, signature) || crypto.verify(signingInput, fixture.flippedSignature)) {
            throw new IllegalStateException("floor/" + alg + ": the JDK check does not tell valid from invalid");
        }
        TokenCheck.requireAcceptsAndRejects("floorPlusParse", fixture, minimal::verify);
    }

    @Benchmark
    public boolean floor() {
        if (!crypto.verify(signingInput, signature)) {
            throw new IllegalStateException("signature did not verify");
        }
        return true;
    }

    @Benchmark
    public JsonNode floorPlusParse() throws IOException {
        return minimal.verify(fixture.token);
    }
}

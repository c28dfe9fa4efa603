package dev.betterauth4j.benchmarks;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code jose4j}: see {@link Peers#jose4j}. */
@State(Scope.Benchmark)
public class Jose4jBenchmark {

    @Param({"EdDSA", "ES256", "ES512", "RS256", "PS256", "HS256"})
    public String alg;

    private String token;
    private JwtConsumer consumer;

    @Setup
    public void setUp() {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        consumer = Peers.jose4j(fixture);
        TokenCheck.requireAcceptsAndRejects("jose4j", fixture, consumer::processToClaims);
    }

    @Benchmark
    public JwtClaims jose4j() throws InvalidJwtException {
        return consumer.processToClaims(token);
    }
}

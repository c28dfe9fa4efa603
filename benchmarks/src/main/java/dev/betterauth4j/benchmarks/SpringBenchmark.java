package dev.betterauth4j.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * {@code springNimbusJwtDecoder}: see {@link Peers#spring}. EdDSA is not in the list: see
 * {@link Variant#springNimbusJwtDecoder}.
 */
@State(Scope.Benchmark)
public class SpringBenchmark {

    @Param({"ES256", "ES512", "RS256", "PS256", "HS256"})
    public String alg;

    private String token;
    private Peers.SpringPeer peer;
    private NimbusJwtDecoder decoder;

    @Setup
    public void setUp() {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        peer = Peers.spring(fixture);
        decoder = peer.decoder();
        TokenCheck.requireAcceptsAndRejects("springNimbusJwtDecoder", fixture, decoder::decode);
    }

    @TearDown
    public void tearDown() {
        peer.close();
        // With a loopback JWKS (ES256/ES512) the key set must come from Spring's cache, not from a fetch per token.
        if (peer.jwksRequests().get() > 2) {
            throw new IllegalStateException("springNimbusJwtDecoder/" + alg + " fetched the JWKS "
                    + peer.jwksRequests().get() + " times: the measurement includes HTTP");
        }
    }

    @Benchmark
    public Jwt springNimbusJwtDecoder() {
        return decoder.decode(token);
    }
}

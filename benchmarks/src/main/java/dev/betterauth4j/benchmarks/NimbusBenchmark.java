package dev.betterauth4j.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.text.ParseException;

/** {@code nimbus}: see {@link Peers#nimbus}. EdDSA is not in the list: see {@link Variant#nimbus}. */
@State(Scope.Benchmark)
public class NimbusBenchmark {

    @Param({"ES256", "ES512", "RS256", "PS256", "HS256"})
    public String alg;

    private String token;
    private DefaultJWTProcessor<SecurityContext> processor;

    @Setup
    public void setUp() {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        processor = Peers.nimbus(fixture);
        TokenCheck.requireAcceptsAndRejects("nimbus", fixture, t -> processor.process(t, null));
    }

    @Benchmark
    public JWTClaimsSet nimbus() throws ParseException, BadJOSEException, JOSEException {
        return processor.process(token, null);
    }
}

package dev.betterauth4j.benchmarks;

import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code auth0}: see {@link Peers#auth0}. EdDSA and PS256 are not in the list: see {@link Variant#auth0}. */
@State(Scope.Benchmark)
public class Auth0Benchmark {

    @Param({"ES256", "ES512", "RS256", "HS256"})
    public String alg;

    private String token;
    private JWTVerifier verifier;

    @Setup
    public void setUp() {
        Fixture fixture = Fixture.of(alg);
        token = fixture.token;
        verifier = Peers.auth0(fixture);
        TokenCheck.requireAcceptsAndRejects("auth0", fixture, verifier::verify);
    }

    @Benchmark
    public DecodedJWT auth0() {
        return verifier.verify(token);
    }
}

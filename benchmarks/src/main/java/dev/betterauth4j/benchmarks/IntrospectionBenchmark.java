package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.testkit.IntrospectionServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;

/**
 * {@code introspectionCacheHit}: an opaque access token whose introspection answer is remembered (a loopback stand-in
 * for Better Auth's provider answered once at set-up; the cache TTL outlasts the run): what every request after the
 * first costs until the TTL ends. The answer is keyed by the token's SHA-256, so a hit hashes the token once.
 */
@State(Scope.Benchmark)
public class IntrospectionBenchmark {

    private IntrospectionServer provider;
    private BetterAuthVerifier verifier;
    private Credential.Bearer token;

    @Setup
    public void setUp() throws TokenVerificationException {
        provider = IntrospectionServer.start();
        verifier = BetterAuthVerifier.builder().baseUrl(provider.baseUrl())
                .accessTokens(tokens -> tokens.resource(OAuthBenchmark.RESOURCE)
                .introspectionClientId(IntrospectionServer.CLIENT_ID)
                .introspectionClientSecret(IntrospectionServer.CLIENT_SECRET)
                .introspectionAuthMethod("client_secret_post").introspectionCacheTtl(Duration.ofHours(1))).build();
        token = new Credential.Bearer(provider.issue(provider.clientClaims(OAuthBenchmark.RESOURCE,
                "tasks:read tasks:write")));
        verifier.verify(token);
        if (provider.calls() != 1) {
            throw new IllegalStateException("the set-up did not introspect exactly once");
        }
    }

    @TearDown
    public void tearDown() {
        if (provider.calls() != 1) {
            throw new IllegalStateException("introspectionCacheHit called the provider again: not a cache hit");
        }
        verifier.close();
        provider.close();
    }

    @Benchmark
    public AuthenticatedUser introspectionCacheHit() throws TokenVerificationException {
        return verifier.verify(token);
    }
}

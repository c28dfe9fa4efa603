package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.RequestContext;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.testkit.DpopProof;
import dev.betterauth4j.testkit.TestToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * OAuth access tokens of Better Auth's OAuth provider beside the jwt plugin's tokens, with the same key and algorithm,
 * through one verifier configured as a resource server (no token cache unless said):
 *
 * <ul>
 *   <li>{@code pluginTokenCold}: the plugin token of {@link Fixture} ({@code betterauth4jCold}'s token);</li>
 *   <li>{@code accessTokenCold}: an {@code at+jwt} access token (Better Auth's claim set) of the same key;</li>
 *   <li>{@code dpopWithCachedToken}: a DPoP-bound access token whose token is in the verified-token cache, with a
 *       proof by a client key of the same algorithm: the cost of checking the proof (its signature, {@code ath}'s
 *       SHA-256, the claims) on top of a cache hit. The replay store always answers "first use", so the same proof
 *       can be sent again; the verifier's clock stands still at set-up, so the proof stays fresh.</li>
 * </ul>
 * Compare with {@code FloorBenchmark.floor} of the same run for the proof's signature alone.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=jdk")
public class OAuthBenchmark {

    static final String PROVIDER = Fixture.ISSUER + "/api/auth";
    static final String RESOURCE = "https://api.example.com";
    static final String URL = "https://api.example.com/api/tasks";

    @Param({"EdDSA", "ES256", "ES512", "RS256", "PS256"})
    public String alg;

    private String pluginToken;
    private String accessToken;
    private Credential.DPoP dpop;
    private RequestContext request;
    private BetterAuthVerifier cold;
    private BetterAuthVerifier cached;

    @Setup
    public void setUp() throws TokenVerificationException {
        Fixture fixture = Fixture.of(alg);
        Instant now = Instant.now();
        Clock still = Clock.fixed(now, ZoneOffset.UTC);
        pluginToken = fixture.token;
        accessToken = accessToken(fixture, now, Map.of());
        String bound = accessToken(fixture, now, Map.of("cnf", Map.of("jkt", DpopProof.thumbprint(fixture.key))));
        dpop = new Credential.DPoP(bound, DpopProof.of(fixture.key, "GET", URL, bound, now).sign());
        request = new RequestContext("GET", null, null, URI.create(URL));
        cold = verifier(fixture, still, 0);
        cached = verifier(fixture, still, 10_000);
        TokenCheck.requireAcceptsAndRejects("pluginTokenCold", fixture, cold::verify);
        requireAccess(cold.verify(accessToken));
        requireAccess(cached.verify(dpop, request));
    }

    static String accessToken(Fixture fixture, Instant now, Map<String, Object> extra) {
        TestToken token = TestToken.accessToken(fixture.key, PROVIDER, RESOURCE, now.minus(Duration.ofMinutes(1)))
                .claim("exp", now.plus(Duration.ofDays(365)).getEpochSecond());
        extra.forEach(token::claim);
        return token.signWith(fixture.key);
    }

    static BetterAuthVerifier verifier(Fixture fixture, Clock clock, int cacheSize) {
        return BetterAuthVerifier.builder().baseUrl(URI.create(Fixture.ISSUER)).jwks(fixture.jwkSet)
                .clock(clock).tokenCacheSize(cacheSize)
                .accessTokens(tokens -> tokens.resource(RESOURCE).dpopReplayStore((proofId, expiresAt, now) -> true))
                .build();
    }

    private static void requireAccess(AuthenticatedUser user) {
        if (!TestToken.CLIENT_ID.equals(user.clientId())) {
            throw new IllegalStateException("not the access token's client: " + user);
        }
    }

    @TearDown
    public void tearDown() {
        cold.close();
        cached.close();
    }

    @Benchmark
    public AuthenticatedUser pluginTokenCold() throws TokenVerificationException {
        return cold.verify(pluginToken);
    }

    @Benchmark
    public AuthenticatedUser accessTokenCold() throws TokenVerificationException {
        return cold.verify(accessToken);
    }

    @Benchmark
    public AuthenticatedUser dpopWithCachedToken() throws TokenVerificationException {
        return cached.verify(dpop, request);
    }
}

package dev.betterauth4j.benchmarks;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.RequestContext;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.testkit.SessionServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

/**
 * Better Auth session credentials beside the jwt plugin's token, each through the verifier an application would
 * configure, shared by all benchmark threads:
 *
 * <ul>
 *   <li>{@code sessionCacheHit}: the {@code better-auth.session_token} cookie of a session whose {@code get-session}
 *       answer is remembered (a loopback stand-in for Better Auth answered once at set-up; the cache TTL outlasts the
 *       run): what every request of a signed-in browser costs after its first, until the TTL ends;</li>
 *   <li>{@code bearerSessionCacheHit}: the same session as the {@code bearer} plugin's {@code Authorization} value;</li>
 *   <li>{@code jwtCacheHit}: the plugin token of {@link Fixture} (EdDSA) in the verified-token cache, the JWT
 *       counterpart of a session cache hit ({@code BetterAuth4jBenchmark.betterauth4jCacheHit});</li>
 *   <li>{@code forgedSessionRefused}: a session cookie with a valid token and another signature, refused by the local
 *       HMAC check with no call to Better Auth: the cost of the local signature check, and of a forger's request;</li>
 *   <li>{@code sessionSignatureFloor}: the bare HMAC-SHA256 of such a token compared with its signature, over
 *       precomputed bytes, one {@link Mac} per thread: the floor of the local check.</li>
 * </ul>
 * The stand-in counts its calls: a run that called it more than the set-up's one call fails.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=jdk")
public class SessionBenchmark {

    static final String TOKEN_COOKIE = "better-auth.session_token";
    static final RequestContext GET = new RequestContext("GET", null, null);

    private SessionServer betterAuth;
    private BetterAuthVerifier sessions;
    private BetterAuthVerifier jwts;
    private Credential.SessionCookie cookie;
    private Credential.Bearer bearer;
    private Credential.SessionCookie forged;
    private String jwt;

    @Setup
    public void setUp() throws TokenVerificationException {
        betterAuth = SessionServer.start(Fixture.SECRET);
        String signed = betterAuth.signIn("bench-user");
        cookie = new Credential.SessionCookie(TOKEN_COOKIE, SessionServer.cookieValue(signed));
        bearer = new Credential.Bearer(signed);
        forged = new Credential.SessionCookie(TOKEN_COOKIE, SessionServer.cookieValue(SessionServer.tokenOf(signed)
                + "." + Base64.getEncoder().encodeToString(new byte[32])));
        sessions = BetterAuthVerifier.builder().baseUrl(betterAuth.baseUrl()).sharedSecret(Fixture.SECRET)
                .sessions(session -> session.cacheTtl(Duration.ofHours(1))).build();
        Fixture fixture = Fixture.of("EdDSA");
        jwt = fixture.token;
        jwts = Peers.betterauth4j(fixture, 10_000);
        TokenCheck.requireAcceptsAndRejects("jwtCacheHit", fixture, jwts::verify);
        requireUser(sessionCacheHit());
        requireUser(bearerSessionCacheHit());
        requireUser(jwtCacheHit());
        if (forgedSessionRefused() != TokenVerificationException.Reason.BAD_SIGNATURE) {
            throw new IllegalStateException("the forged session was not refused for its signature");
        }
        if (betterAuth.calls() != 1) {
            throw new IllegalStateException("the set-up called get-session " + betterAuth.calls() + " times, not once");
        }
    }

    private static void requireUser(AuthenticatedUser user) {
        if (user == null || user.id().isEmpty()) {
            throw new IllegalStateException("no user");
        }
    }

    @TearDown
    public void tearDown() {
        int calls = betterAuth.calls();
        sessions.close();
        jwts.close();
        betterAuth.close();
        if (calls != 1) {
            throw new IllegalStateException("the session benchmarks called get-session again: not cache hits");
        }
    }

    @Benchmark
    public AuthenticatedUser sessionCacheHit() throws TokenVerificationException {
        return sessions.verify(cookie, GET);
    }

    @Benchmark
    public AuthenticatedUser bearerSessionCacheHit() throws TokenVerificationException {
        return sessions.verify(bearer, GET);
    }

    @Benchmark
    public AuthenticatedUser jwtCacheHit() throws TokenVerificationException {
        return jwts.verify(jwt);
    }

    @Benchmark
    public TokenVerificationException.Reason forgedSessionRefused() {
        try {
            sessions.verify(forged, GET);
        } catch (TokenVerificationException e) {
            return e.reason();
        }
        throw new IllegalStateException("a forged session was accepted");
    }

    @Benchmark
    public boolean sessionSignatureFloor(SignatureFloor floor) {
        return floor.check();
    }

    /** A session token and its signature as bytes, and a thread's own HMAC-SHA256 keyed with the secret. */
    @State(Scope.Thread)
    public static class SignatureFloor {

        private Mac mac;
        private byte[] token;
        private byte[] signature;

        @Setup
        public void setUp() throws GeneralSecurityException {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Fixture.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            // Better Auth's session tokens: 32 characters of [a-zA-Z0-9].
            token = "Zq7uV1mKc9XbT4rW2yN8pLs3Hd6Gf0Ae".getBytes(StandardCharsets.US_ASCII);
            signature = mac.doFinal(token);
            if (!check()) {
                throw new IllegalStateException("the floor does not accept its own signature");
            }
        }

        /** Whether the signature is the token's: the MAC, then a constant-time comparison. */
        public boolean check() {
            if (!MessageDigest.isEqual(mac.doFinal(token), signature)) {
                throw new IllegalStateException("signature did not verify");
            }
            return true;
        }
    }
}

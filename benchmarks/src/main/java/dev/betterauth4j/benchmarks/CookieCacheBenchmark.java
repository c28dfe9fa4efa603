package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.CredentialKind;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A session read from Better Auth's cookie cache ({@code session_data}) with no call to Better Auth, in each strategy
 * Better Auth writes it ({@code strategy}: {@code COMPACT}, its default; {@code JWT}, HS256 with the secret;
 * {@code JWE}, {@code dir} + {@code A256CBC-HS512}; {@code KEY_SET}, the {@code jwt} plugin's
 * {@code sessionCookieCache}, Ed25519), next to its {@code session_token} cookie:
 *
 * <ul>
 *   <li>{@code floor}: the bare JDK crypto over precomputed bytes ({@link CookieCacheCrypto}): the token cookie's
 *       HMAC and the cache's MAC, tag or signature;</li>
 *   <li>{@code floorPlusParse}: the least a correct reader does around it ({@link MinimalCookieCacheReader}: decoding,
 *       Jackson, the expiry, session and user checks);</li>
 *   <li>{@code cookieCache}: {@link BetterAuthVerifier} with {@code cookieCache(true)} (no {@code get-session}
 *       fallback, so a miss would fail the run), verifying the cookie pair.</li>
 * </ul>
 * Per-thread state, as {@link FloorBenchmark}: each thread has its own verifier and crypto objects. The caches hold a
 * session and user as {@link SessionServer} writes them (Better Auth's fields), 1,000 to 1,500 characters.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "-Dbetterauth4j.ed25519=jdk")
public class CookieCacheBenchmark {

    static final String TOKEN_COOKIE = "better-auth.session_token";
    static final String CACHE_COOKIE = "better-auth.session_data";

    @Param({"COMPACT", "JWT", "JWE", "KEY_SET"})
    public String strategy;

    private SessionServer betterAuth;
    private BetterAuthVerifier verifier;
    private Credential.SessionCookie pair;
    private String sessionCookie;
    private String cache;
    private MinimalCookieCacheReader minimal;
    private BooleanSupplier floor;

    @Setup
    public void setUp() throws IOException, TokenVerificationException {
        SigningKey key = SigningKey.of("EdDSA");
        betterAuth = SessionServer.start(Fixture.SECRET);
        String signed = betterAuth.signIn("bench-user");
        sessionCookie = SessionServer.cookieValue(signed);
        cache = betterAuth.cookieCache(signed, CookieCaches.Strategy.valueOf(strategy), Duration.ofDays(1), null, key);
        pair = new Credential.SessionCookie(TOKEN_COOKIE, sessionCookie, Map.of(CACHE_COOKIE, cache));
        verifier = BetterAuthVerifier.builder().baseUrl(betterAuth.baseUrl()).jwks(key.jwkSet())
                .sharedSecret(Fixture.SECRET).cookieCache(true).build();
        CookieCacheCrypto crypto = new CookieCacheCrypto(Fixture.SECRET, Fixture.publicKey(key));
        minimal = new MinimalCookieCacheReader(new CookieCacheCrypto(Fixture.SECRET, Fixture.publicKey(key)));
        floor = floor(crypto, signed, cache);

        if (cookieCache().credential() != CredentialKind.SESSION_COOKIE_CACHE || !floor.getAsBoolean()
                || !"bench-user".equals(floorPlusParse().path("id").asText())) {
            throw new IllegalStateException(strategy + ": a variant does not accept the cookie pair");
        }
        String tampered = cache.substring(0, cache.length() - 8) + (cache.endsWith("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA");
        try {
            verifier.verify(new Credential.SessionCookie(TOKEN_COOKIE, sessionCookie, Map.of(CACHE_COOKIE, tampered)),
                    SessionBenchmark.GET);
            throw new IllegalStateException(strategy + ": the verifier accepted a tampered cache");
        } catch (TokenVerificationException expected) {
            // as it must
        }
        if (betterAuth.calls() != 0) {
            throw new IllegalStateException(strategy + ": the set-up called get-session");
        }
    }

    /** The crypto of one read, over bytes decoded here once. */
    private static BooleanSupplier floor(CookieCacheCrypto crypto, String signed, String cache) {
        Base64.Decoder base64url = Base64.getUrlDecoder();
        byte[] token = SessionServer.tokenOf(signed).getBytes(StandardCharsets.US_ASCII);
        byte[] tokenMac = Base64.getDecoder().decode(signed.substring(signed.lastIndexOf('.') + 1));
        String[] parts = cache.split("\\.", -1);
        BooleanSupplier cacheCheck = switch (parts.length) {
            case 1 -> {
                String text = new String(base64url.decode(cache), StandardCharsets.UTF_8);
                int expires = text.lastIndexOf(",\"expiresAt\":");
                int signature = text.indexOf(",\"signature\":\"", expires);
                String session = text.substring("{\"session\":".length(), expires);
                byte[] input = (session.substring(0, session.length() - 1) + text.substring(expires, signature) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] mac = base64url.decode(text.substring(signature + ",\"signature\":\"".length(),
                        text.length() - 2));
                yield () -> crypto.hmacSha256(input, mac);
            }
            case 3 -> {
                byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
                byte[] signature = base64url.decode(parts[2]);
                yield new String(base64url.decode(parts[0]), StandardCharsets.UTF_8).contains("EdDSA")
                        ? () -> crypto.ed25519(input, signature) : () -> crypto.hmacSha256(input, signature);
            }
            case 5 -> {
                byte[] aad = parts[0].getBytes(StandardCharsets.US_ASCII);
                byte[] iv = base64url.decode(parts[2]);
                byte[] ciphertext = base64url.decode(parts[3]);
                byte[] tag = base64url.decode(parts[4]);
                yield () -> crypto.decryptA256CbcHs512(aad, iv, ciphertext, tag) != null;
            }
            default -> throw new IllegalArgumentException("not a cookie cache");
        };
        if (!URLDecoder.decode(SessionServer.cookieValue(signed), StandardCharsets.UTF_8).equals(signed)) {
            throw new IllegalStateException("the session cookie does not decode to its signed value");
        }
        return () -> {
            if (!crypto.hmacSha256(token, tokenMac) || !cacheCheck.getAsBoolean()) {
                throw new IllegalStateException("the floor refused the cookie pair");
            }
            return true;
        };
    }

    @TearDown
    public void tearDown() {
        int calls = betterAuth.calls();
        verifier.close();
        betterAuth.close();
        if (calls != 0) {
            throw new IllegalStateException(strategy + ": the cookie cache benchmark called get-session");
        }
    }

    @Benchmark
    public boolean floor() {
        return floor.getAsBoolean();
    }

    @Benchmark
    public JsonNode floorPlusParse() throws IOException {
        return minimal.read(sessionCookie, cache);
    }

    @Benchmark
    public AuthenticatedUser cookieCache() throws TokenVerificationException {
        return verifier.verify(pair, SessionBenchmark.GET);
    }
}

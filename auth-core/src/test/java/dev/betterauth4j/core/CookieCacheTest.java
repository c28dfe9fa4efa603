package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.CookieCaches;
import dev.betterauth4j.testkit.CookieCaches.Strategy;
import dev.betterauth4j.testkit.SessionServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Better Auth's session cookie cache ({@code session_data}) in each strategy, read locally next to the session cookie,
 * against a loopback get-session stand-in that counts calls (so "no network call" is observed, not assumed).
 */
class CookieCacheTest {

    static final String TOKEN_COOKIE = "better-auth.session_token";
    static final String CACHE_COOKIE = "better-auth.session_data";
    static final SigningKey KEY = SigningKey.of("EdDSA");
    static final RequestContext GET = new RequestContext("GET", null, null);

    private final SessionServer server = SessionServer.start(SECRET);
    private final List<BetterAuthVerifier> verifiers = new ArrayList<>();

    @AfterEach
    void stop() {
        verifiers.forEach(BetterAuthVerifier::close);
        server.close();
    }

    /** Cookie cache on, remote fallback on (as with BETTER_AUTH_SESSIONS=true BETTER_AUTH_COOKIE_CACHE=true). */
    BetterAuthVerifierBuilder builder() {
        return BetterAuthVerifier.builder().baseUrl(server.baseUrl()).jwks(KEY.jwkSet()).sharedSecret(SECRET)
                .sessions(true).cookieCache(true);
    }

    BetterAuthVerifier verifier(BetterAuthVerifierBuilder builder) {
        BetterAuthVerifier verifier = builder.build();
        verifiers.add(verifier);
        return verifier;
    }

    String cache(String signed, Strategy strategy) {
        return server.cookieCache(signed, strategy, Duration.ofMinutes(5), null, KEY);
    }

    static Credential pair(String signed, String cache) {
        return new Credential.SessionCookie(TOKEN_COOKIE, SessionServer.cookieValue(signed),
                cache == null ? Map.of() : Map.of(CACHE_COOKIE, cache));
    }

    static Reason reason(Callable<?> call) {
        try {
            call.call();
        } catch (TokenVerificationException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void acceptsTheCacheOfEachStrategyWithNoCallToBetterAuth(Strategy strategy) throws Exception {
        String signed = server.signIn("alice", Map.of("role", "admin"), Duration.ofDays(7));

        AuthenticatedUser user = verifier(builder()).verify(pair(signed, cache(signed, strategy)), GET);

        assertThat(user.id()).isEqualTo("alice");
        assertThat(user.credential()).isEqualTo(CredentialKind.SESSION_COOKIE_CACHE);
        assertThat(user.claim("role", String.class)).contains("admin");
        assertThat(server.calls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyOneCharacterChangeOfTheCacheIsRefusedWithAReasonOrStillItsOwnSession(Strategy strategy) {
        String signed = server.signIn("alice");
        String cache = cache(signed, strategy);
        BetterAuthVerifier cacheOnly = verifier(builder().sessions(false));
        List<String> unexpected = new ArrayList<>();
        for (int at = 0; at < cache.length(); at++) {
            for (char replacement : "0_.=".toCharArray()) {
                if (replacement == cache.charAt(at)) {
                    continue;
                }
                String changed = cache.substring(0, at) + replacement + cache.substring(at + 1);
                try {
                    AuthenticatedUser user = cacheOnly.verify(pair(signed, changed), GET);
                    if (!user.id().equals("alice")) {
                        unexpected.add(at + "=" + replacement + ": " + user.id());
                    }
                } catch (TokenVerificationException e) {
                    // refused with a reason, as it must be
                } catch (RuntimeException e) {
                    unexpected.add(at + "=" + replacement + ": " + e);
                }
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void givesTheSameFieldsAsBetterAuthsOwnAnswer(Strategy strategy) throws Exception {
        String signed = server.signIn("alice", Map.of("role", "admin"), Duration.ofDays(7));
        BetterAuthVerifier verifier = verifier(builder());

        AuthenticatedUser cached = verifier.verify(pair(signed, cache(signed, strategy)), GET);
        AuthenticatedUser remote = verifier.verify(pair(signed, null), GET);

        assertThat(remote.credential()).isEqualTo(CredentialKind.SESSION);
        assertThat(cached).usingRecursiveComparison().ignoringFields("credential").isEqualTo(remote);
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void reassemblesAChunkedCacheInIndexOrder(Strategy strategy) throws Exception {
        String signed = server.signIn("alice", Map.of("bio", "x".repeat(6000)), Duration.ofDays(7));
        String cache = cache(signed, strategy);
        int third = cache.length() / 3;
        Map<String, String> chunks = new LinkedHashMap<>();
        chunks.put(CACHE_COOKIE + ".2", cache.substring(2 * third));
        chunks.put(CACHE_COOKIE + ".0", cache.substring(0, third));
        chunks.put(CACHE_COOKIE + ".1", cache.substring(third, 2 * third));

        AuthenticatedUser user = verifier(builder()).verify(new Credential.SessionCookie(TOKEN_COOKIE,
                SessionServer.cookieValue(signed), chunks), GET);

        assertThat(user.credential()).isEqualTo(CredentialKind.SESSION_COOKIE_CACHE);
        assertThat(server.calls()).isZero();
    }

    @Test
    void boundsTheChunksAndFallsBackBeyondThem() throws Exception {
        String signed = server.signIn("alice");
        Map<String, String> chunks = new LinkedHashMap<>();
        for (int i = 0; i <= SessionDataCookie.MAX_CHUNKS; i++) {
            chunks.put(CACHE_COOKIE + "." + i, "A");
        }
        Map<String, String> gap = Map.of(CACHE_COOKIE + ".0", "A", CACHE_COOKIE + ".2", "B");
        Map<String, String> huge = Map.of(CACHE_COOKIE, "A".repeat(SessionDataCookie.MAX_LENGTH + 1));
        BetterAuthVerifier cacheOnly = verifier(builder().sessions(false));

        for (Map<String, String> bad : List.of(chunks, gap, huge)) {
            assertThat(reason(() -> cacheOnly.verify(new Credential.SessionCookie(TOKEN_COOKIE,
                    SessionServer.cookieValue(signed), bad), GET))).isEqualTo(Reason.MISSING);
        }
        assertThat(server.calls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void neverAcceptsAnotherSessionsCacheNextToThisSessionsCookie(Strategy strategy) throws Exception {
        String alice = server.signIn("alice");
        String mallory = server.signIn("mallory");
        String mallorysCache = cache(mallory, strategy);

        assertThat(reason(() -> verifier(builder().sessions(false)).verify(pair(alice, mallorysCache), GET)))
                .isEqualTo(Reason.UNKNOWN_SESSION);
        assertThat(verifier(builder()).verify(pair(alice, mallorysCache), GET).id())
                .as("falls back to Better Auth, which knows the cookie's own session").isEqualTo("alice");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void refusesATamperedCacheAtAnyByte(Strategy strategy) throws Exception {
        String signed = server.signIn("alice");
        String cache = cache(signed, strategy);
        BetterAuthVerifier cacheOnly = verifier(builder().sessions(false));

        for (int position = 0; position < cache.length(); position += Math.max(1, cache.length() / 40)) {
            char original = cache.charAt(position);
            String tampered = cache.substring(0, position) + (original == 'A' ? 'B' : 'A') + cache.substring(position + 1);
            if (tampered.equals(cache)) {
                continue;
            }
            int at = position;
            assertThatThrownBy(() -> cacheOnly.verify(pair(signed, tampered), GET)).as("byte %d", at)
                    .isInstanceOf(TokenVerificationException.class);
        }
        assertThat(server.calls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void fallsBackToBetterAuthWhenTheCacheHasExpired(Strategy strategy) throws Exception {
        String signed = server.signIn("alice");
        String expired = server.cookieCache(signed, strategy, Duration.ofSeconds(-60), null, KEY);

        AuthenticatedUser user = verifier(builder()).verify(pair(signed, expired), GET);

        assertThat(user.credential()).isEqualTo(CredentialKind.SESSION);
        assertThat(server.calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void refusesAnExpiredCacheWithoutAFallback(Strategy strategy) {
        String signed = server.signIn("alice");
        String expired = server.cookieCache(signed, strategy, Duration.ofSeconds(-60), null, KEY);

        assertThat(reason(() -> verifier(builder().sessions(false)).verify(pair(signed, expired), GET)))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void refusesACacheWhoseSessionHasExpired() {
        String signed = server.signIn("alice", Map.of(), Duration.ofSeconds(-1));
        String cache = cache(signed, Strategy.COMPACT);

        assertThat(reason(() -> verifier(builder().sessions(false)).verify(pair(signed, cache), GET)))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void honoursTheConfiguredVersion() throws Exception {
        String signed = server.signIn("alice");
        String seven = server.cookieCache(signed, Strategy.COMPACT, Duration.ofMinutes(5), "7", KEY);
        String unversioned = cache(signed, Strategy.COMPACT);

        assertThat(verifier(builder().sessions(false)
                .cookieCache(cache -> cache.version("7"))).verify(pair(signed, seven), GET).id())
                .isEqualTo("alice");
        assertThat(reason(() -> verifier(builder().sessions(false).cookieCache(cache -> cache.version("8")))
                .verify(pair(signed, seven), GET))).isEqualTo(Reason.EXPIRED);
        assertThat(verifier(builder().sessions(false)
                .cookieCache(cache -> cache.version("1"))).verify(pair(signed, unversioned), GET)
                .id()).as("no version reads as \"1\", as in Better Auth").isEqualTo("alice");
    }

    @Test
    void neverReadsTheCacheOfASessionCookieWithAForgedSignature() {
        String signed = server.signIn("alice");
        String cache = cache(signed, Strategy.COMPACT);
        String forged = SessionServer.tokenOf(signed) + "." + "A".repeat(43) + "=";

        assertThat(reason(() -> verifier(builder()).verify(pair(forged, cache), GET))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(server.calls()).isZero();
    }

    @Test
    void aBearerSessionTokenWithoutGetSessionIsUnknown() {
        String signed = server.signIn("alice");

        assertThat(reason(() -> verifier(builder().sessions(false)).verify(new Credential.Bearer(signed))))
                .isEqualTo(Reason.UNKNOWN_SESSION);
    }

    @Test
    void versionedSecretsDecryptTheJweCacheWithAnyVersionButCheckTheOthersWithTheCurrentOnly() throws Exception {
        String older = "an-older-secret-an-older-secret-an-older!";
        try (SessionServer before = SessionServer.start(older)) {
            String signedBefore = before.signIn("alice");
            String token = SessionServer.tokenOf(signedBefore);
            BetterAuthVerifier rotated = verifier(BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                    .jwks(KEY.jwkSet()).secrets("2:" + SECRET + ",1:" + older).cookieCache(true));
            String cookieNow = token + "." + server.sign(token);

            assertThat(rotated.verify(pair(cookieNow, before.cookieCache(signedBefore, Strategy.JWE,
                    Duration.ofMinutes(5), null, KEY)), GET).id()).isEqualTo("alice");
            for (Strategy strategy : List.of(Strategy.COMPACT, Strategy.JWT)) {
                String oldCache = before.cookieCache(signedBefore, strategy, Duration.ofMinutes(5), null, KEY);
                assertThat(reason(() -> rotated.verify(pair(cookieNow, oldCache), GET))).as(strategy.name())
                        .isEqualTo(Reason.BAD_SIGNATURE);
            }
        }
    }

    @Test
    void theLegacySecretDecryptsTheJweCacheToo() throws Exception {
        String legacy = "the-legacy-secret-the-legacy-secret-legacy";
        try (SessionServer before = SessionServer.start(legacy)) {
            String signedBefore = before.signIn("alice");
            String token = SessionServer.tokenOf(signedBefore);
            BetterAuthVerifier verifier = verifier(BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                    .jwks(KEY.jwkSet()).secrets("2:" + SECRET).sharedSecret(legacy).cookieCache(true));

            assertThat(verifier.verify(pair(token + "." + server.sign(token), before.cookieCache(signedBefore,
                    Strategy.JWE, Duration.ofMinutes(5), null, KEY)), GET).id()).isEqualTo("alice");
        }
    }

    @Test
    void aKeySetSignedCacheIsNeverAnAccessTokenWithTheSameKey() throws Exception {
        String signed = server.signIn("alice");
        String cache = cache(signed, Strategy.KEY_SET);

        assertThat(reason(() -> verifier(builder()).verify(new Credential.Bearer(cache))))
                .isEqualTo(Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void aPluginTokenSignedByTheSameKeyIsNeverACookieCache() {
        String signed = server.signIn("alice");
        String pluginToken = TestToken.betterAuth(KEY, server.baseUrl().toString(), Instant.now())
                .claim("sub", "alice").signWith(KEY);

        assertThat(reason(() -> verifier(builder().sessions(false)).verify(pair(signed, pluginToken), GET)))
                .isIn(Reason.ALGORITHM_NOT_ALLOWED, Reason.WRONG_TOKEN_TYPE, Reason.MALFORMED);
    }

    @Test
    void needsTheSecret() {
        assertThatThrownBy(() -> BetterAuthVerifier.builder().baseUrl(server.baseUrl()).cookieCache(true).build())
                .hasMessageContaining("cookieCache (BETTER_AUTH_COOKIE_CACHE) needs");
    }

    @Test
    void readsItsSettingsFromTheEnvironment() {
        BetterAuthVerifier verifier = BetterAuthVerifier.fromEnvironment(Map.of("BETTER_AUTH_URL",
                server.baseUrl().toString(), "BETTER_AUTH_SECRET", SECRET, "BETTER_AUTH_COOKIE_CACHE", "true",
                "BETTER_AUTH_COOKIE_CACHE_VERSION", "7"));
        verifiers.add(verifier);

        assertThat(verifier.toString()).contains("cookieCache=CookieCacheReader[compact, jwt, jwe, key set]");
        assertThat(verifier.sessionCookieNames()).contains(TOKEN_COOKIE);
    }
}

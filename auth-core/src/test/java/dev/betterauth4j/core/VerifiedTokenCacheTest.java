package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.ISSUER;
import static dev.betterauth4j.core.TestVerifiers.NOW;
import static dev.betterauth4j.core.TestVerifiers.SECRET;
import static dev.betterauth4j.core.TestVerifiers.builder;
import static dev.betterauth4j.core.TestVerifiers.token;
import static org.assertj.core.api.Assertions.assertThat;

/** The opt-in verified-token cache. */
class VerifiedTokenCacheTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");

    @Test
    void isOffByDefault() {
        assertThat(TestVerifiers.verifier(ED).cachedTokens()).isEqualTo(-1);
    }

    @Test
    void returnsTheVerifiedUserForARepeatedTokenWithoutVerifyingAgain() throws Exception {
        BetterAuthVerifier verifier = builder(ED).tokenCacheSize(100).build();
        String token = token(ED).signWith(ED);

        AuthenticatedUser first = verifier.verify(token);
        AuthenticatedUser second = verifier.verify(token);

        assertThat(second).isSameAs(first);
        assertThat(verifier.cachedTokens()).isEqualTo(1);
        assertThat(TestVerifiers.verifier(ED).verify(token)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void anEntryNeverOutlivesTheTokensExp() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        BetterAuthVerifier verifier = builder(ED).clock(clock).tokenCacheSize(100).build();
        String token = TestToken.betterAuth(ED, ISSUER, NOW).claim("exp", NOW.plusSeconds(100).getEpochSecond())
                .signWith(ED);
        AuthenticatedUser cached = verifier.verify(token);

        clock.advance(Duration.ofSeconds(99));
        assertThat(verifier.verify(token)).isSameAs(cached);

        clock.advance(Duration.ofSeconds(11));
        AuthenticatedUser withinSkew = verifier.verify(token);
        assertThat(withinSkew).isEqualTo(cached).isNotSameAs(cached);

        clock.advance(Duration.ofSeconds(60));
        assertRejected(verifier, token, Reason.EXPIRED);
    }

    @Test
    void anEntryIsDroppedWhenItsKeyLeavesTheKeySet() throws Exception {
        SigningKey keyA = SigningKey.of("EdDSA", "cache-a");
        SigningKey keyB = SigningKey.of("EdDSA", "cache-b");
        try (JwksServer server = JwksServer.start().publish(keyA.publicJwk(), keyB.publicJwk());
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl())
                     .clock(TestVerifiers.CLOCK).tokenCacheSize(100).keySet(keys -> keys.cacheTtl(Duration.ofSeconds(1))
                     .refreshRateLimit(Duration.ofMillis(100)).refreshAhead(Duration.ZERO)).build()) {
            String byA = TestToken.betterAuth(keyA, server.issuer(), NOW).signWith(keyA);
            String byB = TestToken.betterAuth(keyB, server.issuer(), NOW).signWith(keyB);
            AuthenticatedUser cachedB = verifier.verify(byB);
            verifier.verify(byA);
            assertThat(verifier.cachedTokens()).isEqualTo(2);

            server.publish(keyB.publicJwk());
            Thread.sleep(1_200);

            assertRejected(verifier, byA, Reason.UNKNOWN_KEY);
            assertThat(verifier.verify(byB)).isSameAs(cachedB);
            assertThat(verifier.cachedTokens()).isEqualTo(1);
        }
    }

    @Test
    void neverCachesARejection() {
        BetterAuthVerifier verifier = builder(ED).tokenCacheSize(100).build();
        String expired = token(ED).claim("exp", NOW.minusSeconds(3600).getEpochSecond()).signWith(ED);

        assertRejected(verifier, expired, Reason.EXPIRED);
        assertRejected(verifier, expired, Reason.EXPIRED);
        assertThat(verifier.cachedTokens()).isZero();
    }

    @Test
    void aFloodOfDistinctValidTokensNeverGrowsItPastItsBound() throws Exception {
        SigningKey hmac = SigningKey.hmac(SECRET, "HS256");
        BetterAuthVerifier verifier = builder(ED).sharedSecret(SECRET).tokenCacheSize(64).build();
        for (int i = 0; i < 2_000; i++) {
            verifier.verify(token(hmac).claim("jti", "token-" + i).signWith(hmac));
            assertThat(verifier.cachedTokens()).isLessThanOrEqualTo(64);
        }
        assertThat(verifier.cachedTokens()).isGreaterThan(32);
    }

    @Test
    void worksForSharedSecretTokens() throws Exception {
        SigningKey hmac = SigningKey.hmac(SECRET, "HS256");
        BetterAuthVerifier verifier = builder(ED).sharedSecret(SECRET).tokenCacheSize(100).build();
        String token = token(hmac).signWith(hmac);

        assertThat(verifier.verify(token)).isSameAs(verifier.verify(token));
    }

    @RepeatedTest(10)
    void isThreadSafeUnder32ThreadsWithConstantEviction() throws Exception {
        // HMAC keeps each miss cheap, so every repetition churns the cache thousands of times.
        SigningKey hmac = SigningKey.hmac(SECRET, "HS256");
        BetterAuthVerifier verifier = builder(ED).sharedSecret(SECRET).tokenCacheSize(32).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(TestToken.betterAuth(hmac, ISSUER, NOW.minusSeconds(5)).claim("sub", "user-" + i)
                    .claim("jti", "jti-" + i).signWith(hmac));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            int seed = t;
            workers.add(pool.submit(() -> {
                start.await();
                int checked = 0;
                for (int i = 0; i < 300; i++) {
                    int which = (seed * 31 + i * 7) % tokens.size();
                    AuthenticatedUser user = verifier.verify(tokens.get(which));
                    if (!user.id().equals("user-" + which)) {
                        throw new AssertionError("token " + which + " gave " + user.id());
                    }
                    checked++;
                }
                return checked;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(total).isEqualTo(32 * 300);
        assertThat(verifier.cachedTokens()).isBetween(1, 32);
    }

    @Test
    void evictsInInsertionOrderButGivesARecentlyUsedTokenASecondChance() {
        VerifiedTokenCache cache = new VerifiedTokenCache(VerifiedTokenCache.STRIPES * 3);
        TrustedKey key = new TrustedKey("k", java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.EdDSA), null);
        AuthenticatedUser user = new AuthenticatedUser("u", null, null, false, null, "i", List.of("a"), null,
                NOW.plusSeconds(600), java.util.Map.of(), CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of());
        List<String> sameStripe = tokensInOneStripe(4);
        for (int i = 0; i < 3; i++) {
            cache.put(sameStripe.get(i), user, key);
        }
        long now = NOW.toEpochMilli();
        assertThat(cache.get(sameStripe.get(0), now, k -> true)).isSameAs(user);

        cache.put(sameStripe.get(3), user, key);

        assertThat(cache.get(sameStripe.get(0), now, k -> true)).as("used, so passed over once").isSameAs(user);
        assertThat(cache.get(sameStripe.get(1), now, k -> true)).as("oldest unused, evicted").isNull();
        assertThat(cache.get(sameStripe.get(2), now, k -> true)).isSameAs(user);
        assertThat(cache.get(sameStripe.get(3), now, k -> true)).isSameAs(user);
    }

    @Test
    void findsARepeatedTokenThatArrivesAsANewString() throws Exception {
        BetterAuthVerifier verifier = builder(ED).tokenCacheSize(100).build();
        String token = token(ED).signWith(ED);
        AuthenticatedUser first = verifier.verify(token);

        // As in a server: every request's header yields a String of its own.
        assertThat(verifier.verify(new String(token.toCharArray()))).isSameAs(first);
    }

    @Test
    void tokensThatEndAlikeNeverShareAnEntry() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        TrustedKey key = new TrustedKey("k", java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.EdDSA), null);
        AuthenticatedUser alice = new AuthenticatedUser("alice", null, null, false, null, "i", List.of("a"), null,
                NOW.plusSeconds(600), java.util.Map.of(), CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of());
        AuthenticatedUser bob = new AuthenticatedUser("bob", null, null, false, null, "i", List.of("a"), null,
                NOW.plusSeconds(600), java.util.Map.of(), CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of());
        // The cache once placed tokens by their last 16 characters only; tokens that end alike must still never meet.
        String sharedEnd = "x".repeat(16);
        String aliceToken = "alice-header.alice-payload." + sharedEnd;
        String bobToken = "bobxx-header.bobxx-payload." + sharedEnd;
        long now = NOW.toEpochMilli();

        cache.put(aliceToken, alice, key);
        assertThat(cache.get(bobToken, now, k -> true)).isNull();

        cache.put(bobToken, bob, key);
        assertThat(cache.get(aliceToken, now, k -> true)).isSameAs(alice);
        assertThat(cache.get(bobToken, now, k -> true)).isSameAs(bob);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsADigestOfTheTokenNotItsText() throws Exception {
        BetterAuthVerifier verifier = builder(ED).tokenCacheSize(100).build();
        String token = token(ED).signWith(ED);
        String copy = new String(token.toCharArray());
        AuthenticatedUser first = verifier.verify(copy);
        java.lang.ref.WeakReference<String> presented = new java.lang.ref.WeakReference<>(copy);
        copy = null;

        for (int i = 0; i < 50 && presented.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(presented.get()).as("the text the cache was given, once nothing else holds it").isNull();
        assertThat(verifier.verify(token)).isSameAs(first);
    }

    @Test
    void aTokenThatDiffersInAnyOneCharacterNeverHitsTheEntry() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        TrustedKey key = new TrustedKey("k", java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.EdDSA), null);
        AuthenticatedUser alice = new AuthenticatedUser("alice", null, null, false, null, "i", List.of("a"), null,
                NOW.plusSeconds(600), java.util.Map.of(), CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of());
        String token = token(ED).signWith(ED);
        long now = NOW.toEpochMilli();
        cache.put(token, alice, key);

        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            // The next base64url character, a '?' (what characters beyond Latin-1 become in the digest's input), and
            // a character beyond Latin-1.
            for (char other : new char[] {original == 'A' ? 'B' : 'A', '?', '\u4e00', (char) (original + 0x100)}) {
                String altered = token.substring(0, i) + other + token.substring(i + 1);
                assertThat(cache.get(altered, now, k -> true)).as("character %d as %s", i, other).isNull();
            }
        }
        assertThat(cache.get(token.substring(0, token.length() - 1), now, k -> true)).isNull();
        assertThat(cache.get(token + "A", now, k -> true)).isNull();
        assertThat(cache.get(new String(token.toCharArray()), now, k -> true)).isSameAs(alice);
    }

    @Test
    void neverStoresATextThatNoVerifiedTokenCouldBe() {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        TrustedKey key = new TrustedKey("k", java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.EdDSA), null);
        AuthenticatedUser alice = new AuthenticatedUser("alice", null, null, false, null, "i", List.of("a"), null,
                NOW.plusSeconds(600), java.util.Map.of(), CredentialKind.JWT, SubjectType.USER, null, null, java.util.Set.of());

        cache.put("a?b.c.d", alice, key);
        cache.put("a\u0100b.c.d", alice, key);

        assertThat(cache.size()).isZero();
        assertThat(cache.get("a?b.c.d", NOW.toEpochMilli(), k -> true)).isNull();
    }

    /** Token strings that land in the same stripe, as the cache computes it. */
    private static List<String> tokensInOneStripe(int count) {
        List<String> tokens = new ArrayList<>();
        int stripe = -1;
        for (int i = 0; tokens.size() < count; i++) {
            String token = "token-" + i;
            int index = VerifiedTokenCache.stripeIndex(token);
            if (stripe == -1) {
                stripe = index;
            }
            if (index == stripe) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    @Test
    void refusesAnUnreasonableSize() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder(ED).tokenCacheSize(3).build())
                .hasMessageContaining("tokenCacheSize");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder(ED).tokenCacheSize(-1).build())
                .hasMessageContaining("BETTER_AUTH_TOKEN_CACHE_SIZE");
    }

}

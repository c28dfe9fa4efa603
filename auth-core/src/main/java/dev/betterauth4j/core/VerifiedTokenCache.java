package dev.betterauth4j.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers tokens that verified, so a token presented again returns its {@link AuthenticatedUser} without another
 * signature check.
 *
 * <ul>
 *   <li>Keyed by the SHA-256 digest of the whole token (every character counts, see {@link TokenDigest#of}), not by
 *       its text: the text was a quarter of an entry's memory (660 bytes of 2,829 for a Better Auth token; the
 *       digest is 32, kept in the entry's own fields; the claims, most of the rest, are compacted by
 *       {@link FrozenJson}). A lookup digests the presented token (about 0.45 µs for 600 characters on the benchmark
 *       machine, docs/performance.md) and compares all 256 bits; a miss hands its digest on to the insert.</li>
 *   <li>Why comparing digests is as safe as comparing texts here: a forged token T' that hits the entry of a verified
 *       token T needs SHA-256(T') = SHA-256(T) with T' != T. Each stored T ends with a signature nobody can predict
 *       before Better Auth has made it, so an attacker cannot prepare a colliding pair in advance (the 2^128 birthday
 *       bound does not apply); they must find a second preimage of a digest that exists already: 2^256 work, or
 *       2^256 / N against a cache of N entries (still over 2^232 for ten million). No attack on SHA-256 does better.
 *       And a hit returns the user of T, a token that passed every check, never anything the presenter chose.</li>
 *   <li>Bounded: at most {@code maxEntries}, split over {@value #STRIPES} stripes. Lookups take no lock (many
 *       requests carrying the same token must not queue on one); inserts lock their stripe and evict in insertion
 *       order with a second chance for entries used since they were last passed over (CLOCK), which keeps tokens in
 *       active use much like LRU would.</li>
 *   <li>An entry is only returned before the token's own {@code exp} (the skew that verification allows is not
 *       extended to cached tokens) and while the key that verified it is still trusted: a key removed from the
 *       JWKS takes its cached tokens with it.</li>
 * </ul>
 * Only tokens that passed every check are stored; a rejection is never cached.
 */
final class VerifiedTokenCache {

    static final int STRIPES = 16;

    /**
     * The SHA-256 digest of a token, in four longs. Entries extend it, so that an entry is its own map key and the
     * digest costs no object of its own.
     */
    static class TokenDigest {
        final long d0;
        final long d1;
        final long d2;
        final long d3;

        TokenDigest(byte[] digest) {
            this.d0 = longAt(digest, 0);
            this.d1 = longAt(digest, 8);
            this.d2 = longAt(digest, 16);
            this.d3 = longAt(digest, 24);
        }

        TokenDigest(TokenDigest digest) {
            this.d0 = digest.d0;
            this.d1 = digest.d1;
            this.d2 = digest.d2;
            this.d3 = digest.d3;
        }

        /**
         * The digest of the token's ISO-8859-1 bytes. That encoding is exact for every character up to U+00FF and
         * turns each one above into '?'. Stored tokens are only ever compact JWS characters (see
         * {@link #storable}), never '?' nor above U+007F, so a presented text equals a stored one exactly when their
         * bytes do: a text with a character above U+00FF has a '?' no stored token has. (The JDK's encoder for this
         * charset is an intrinsic, where a loop checking each character would cost as much as the digest.)
         */
        static TokenDigest of(String token) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
            return new TokenDigest(sha256.digest(token.getBytes(StandardCharsets.ISO_8859_1)));
        }

        /** Whether {@code token} is made of base64url characters and dots only, which every verified token is. */
        static boolean storable(String token) {
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_';
                if (!base64url && c != '.') {
                    return false;
                }
            }
            return true;
        }

        private static long longAt(byte[] bytes, int offset) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[offset + i] & 0xff);
            }
            return value;
        }

        @Override
        public final int hashCode() {
            return (int) (d0 ^ (d0 >>> 32));
        }

        @Override
        public final boolean equals(Object other) {
            return other instanceof TokenDigest digest && digest.d0 == d0 && digest.d1 == d1 && digest.d2 == d2
                    && digest.d3 == d3;
        }
    }

    /** A verified token's result, the key that verified it, and the instant (ms) after which it must not be used. */
    static final class Entry extends TokenDigest {
        final AuthenticatedUser user;
        final TrustedKey key;
        final long expiresAtMillis;
        /** Set by a hit, cleared when eviction passes the entry over once. */
        volatile boolean referenced;

        Entry(TokenDigest token, AuthenticatedUser user, TrustedKey key, long expiresAtMillis) {
            super(token);
            this.user = user;
            this.key = key;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private final Stripe[] stripes = new Stripe[STRIPES];

    VerifiedTokenCache(int maxEntries) {
        checkSize(maxEntries);
        int perStripe = (maxEntries + STRIPES - 1) / STRIPES;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(perStripe);
        }
    }

    /**
     * Returns the cached user for {@code token} if it is still usable at {@code nowMillis} and its key still passes
     * {@code trusted}; drops the entry otherwise.
     */
    AuthenticatedUser get(String token, long nowMillis, Predicate<TrustedKey> trusted) {
        return get(TokenDigest.of(token), nowMillis, trusted);
    }

    /**
     * {@link #get(String, long, Predicate)} for a token already digested, so that a miss stores it without digesting
     * it again.
     */
    AuthenticatedUser get(TokenDigest key, long nowMillis, Predicate<TrustedKey> trusted) {
        Stripe stripe = stripes[stripeIndex(key)];
        Entry entry = stripe.entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis < entry.expiresAtMillis && trusted.test(entry.key)) {
            if (!entry.referenced) {
                entry.referenced = true;
            }
            return entry.user;
        }
        stripe.entries.remove(key, entry);
        return null;
    }

    void put(String token, AuthenticatedUser user, TrustedKey key) {
        put(token, TokenDigest.of(token), user, key);
    }

    /** Stores a verified token under its digest, {@code TokenDigest.of(token)}. */
    void put(String token, TokenDigest digest, AuthenticatedUser user, TrustedKey key) {
        if (!TokenDigest.storable(token)) {
            // Cannot happen for a token that verified; the digest's exactness depends on it, so it is checked here.
            return;
        }
        stripes[stripeIndex(digest)].put(new Entry(digest, user, key, user.expiresAt().toEpochMilli()));
    }

    /** The number of entries, for tests and metrics. */
    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            size += stripe.entries.size();
        }
        return size;
    }

    /**
     * Checks a configured size: 0 (no cache) or at least one entry per stripe.
     *
     * @throws IllegalArgumentException naming {@code tokenCacheSize}
     */
    static void checkSize(int maxEntries) {
        if (maxEntries != 0 && maxEntries < STRIPES) {
            throw new IllegalArgumentException(VerifierSettings.TOKEN_CACHE_SIZE.label() + " must be 0 (off) or at"
                    + " least " + STRIPES + ", was " + maxEntries);
        }
    }

    /** The stripe a token lands in; package-private so tests can pick tokens that share one. */
    static int stripeIndex(String token) {
        return stripeIndex(TokenDigest.of(token));
    }

    private static int stripeIndex(TokenDigest digest) {
        // Bits the map's own hash (the low half of d0) does not use, so stripe and table index stay independent.
        return (int) (digest.d1 >>> 60);
    }

    /**
     * One part of the cache. Every entry in {@link #entries} has exactly one slot in {@link #order}; slots of
     * entries removed or replaced since are stale and skipped. Lookups read {@code entries} without a lock; inserts
     * and eviction hold the stripe's monitor.
     */
    private static final class Stripe {

        final ConcurrentHashMap<TokenDigest, Entry> entries = new ConcurrentHashMap<>();
        private final ArrayDeque<Entry> order = new ArrayDeque<>();
        private final int capacity;

        Stripe(int capacity) {
            this.capacity = capacity;
        }

        synchronized void put(Entry entry) {
            entries.put(entry, entry);
            order.addLast(entry);
            evictOverCapacity();
            dropStaleSlots();
        }

        private void evictOverCapacity() {
            // Second chances are bounded, so hits arriving during the loop cannot keep it going.
            int secondChances = order.size();
            while (entries.size() > capacity) {
                Entry head = order.pollFirst();
                if (head == null) {
                    return;
                }
                if (entries.get(head) != head) {
                    continue;
                }
                if (head.referenced && secondChances-- > 0) {
                    head.referenced = false;
                    order.addLast(head);
                    continue;
                }
                entries.remove(head, head);
            }
        }

        /** Keeps the slot queue within twice the capacity: expired entries leave their slots behind. */
        private void dropStaleSlots() {
            int budget = order.size();
            while (order.size() > 2 * capacity && budget-- > 0) {
                Entry head = order.pollFirst();
                if (entries.get(head) == head) {
                    order.addLast(head);
                }
            }
        }
    }
}

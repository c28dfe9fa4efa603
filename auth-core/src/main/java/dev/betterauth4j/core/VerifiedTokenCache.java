package dev.betterauth4j.core;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers tokens that verified, so a token presented again returns its {@link AuthenticatedUser} without another
 * signature check.
 *
 * <ul>
 *   <li>Keyed by the whole token string: two different tokens can never share an entry (a hash key would make a
 *       collision merely unlikely). The hash table places a token by its last {@value #HASHED_CHARS} characters
 *       only, which end its signature: a request brings a new {@code String} whose {@link String#hashCode()} would
 *       walk all 600 to 850 characters on every hit, while the signature's last characters are unpredictable to
 *       anyone without the signing key and so spread the stored (verified) tokens as well as a full hash would.
 *       Lookups of unverified look-alikes share a bucket with at most the few real tokens there and are told
 *       apart by a full comparison.</li>
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
    static final int HASHED_CHARS = 16;

    /** A verified token's result, the key that verified it, and the instant (ms) after which it must not be used. */
    static final class Entry {
        final TokenKey token;
        final AuthenticatedUser user;
        final TrustedKey key;
        final long expiresAtMillis;
        /** Set by a hit, cleared when eviction passes the entry over once. */
        volatile boolean referenced;

        Entry(TokenKey token, AuthenticatedUser user, TrustedKey key, long expiresAtMillis) {
            this.token = token;
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
        TokenKey key = new TokenKey(token);
        Stripe stripe = stripes[stripeIndex(key.hash)];
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
        TokenKey tokenKey = new TokenKey(token);
        stripes[stripeIndex(tokenKey.hash)].put(new Entry(tokenKey, user, key, user.expiresAt().toEpochMilli()));
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
        return stripeIndex(TokenKey.hashOf(token));
    }

    private static int stripeIndex(int hash) {
        // The high bits pick the stripe, so that the low bits the stripe's own table uses stay independent of it.
        return (hash >>> 28) & (STRIPES - 1);
    }

    /** The whole token, compared in full, hashed by its last characters (see the class comment for why). */
    static final class TokenKey {
        final String token;
        final int hash;

        TokenKey(String token) {
            this.token = token;
            this.hash = hashOf(token);
        }

        static int hashOf(String token) {
            int end = token.length();
            int h = end;
            for (int i = Math.max(0, end - HASHED_CHARS); i < end; i++) {
                h = 31 * h + token.charAt(i);
            }
            // Spread the few characters' bits over the whole int: the stripe takes the top bits.
            h *= 0x9E3779B9;
            return h ^ (h >>> 15);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && key.hash == hash && key.token.equals(token);
        }
    }

    /**
     * One part of the cache. Every entry in {@link #entries} has exactly one slot in {@link #order}; slots of
     * entries removed or replaced since are stale and skipped. Lookups read {@code entries} without a lock; inserts
     * and eviction hold the stripe's monitor.
     */
    private static final class Stripe {

        final ConcurrentHashMap<TokenKey, Entry> entries = new ConcurrentHashMap<>();
        private final ArrayDeque<Entry> order = new ArrayDeque<>();
        private final int capacity;

        Stripe(int capacity) {
            this.capacity = capacity;
        }

        synchronized void put(Entry entry) {
            entries.put(entry.token, entry);
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
                if (entries.get(head.token) != head) {
                    continue;
                }
                if (head.referenced && secondChances-- > 0) {
                    head.referenced = false;
                    order.addLast(head);
                    continue;
                }
                entries.remove(head.token, head);
            }
        }

        /** Keeps the slot queue within twice the capacity: expired entries leave their slots behind. */
        private void dropStaleSlots() {
            int budget = order.size();
            while (order.size() > 2 * capacity && budget-- > 0) {
                Entry head = order.pollFirst();
                if (entries.get(head.token) == head) {
                    order.addLast(head);
                }
            }
        }
    }
}

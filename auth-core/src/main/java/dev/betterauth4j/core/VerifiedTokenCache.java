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
 *       collision merely unlikely).</li>
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

    /** A verified token's result, the key that verified it, and the instant (ms) after which it must not be used. */
    static final class Entry {
        final String token;
        final AuthenticatedUser user;
        final TrustedKey key;
        final long expiresAtMillis;
        /** Set by a hit, cleared when eviction passes the entry over once. */
        volatile boolean referenced;

        Entry(String token, AuthenticatedUser user, TrustedKey key, long expiresAtMillis) {
            this.token = token;
            this.user = user;
            this.key = key;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final int maxEntries;

    VerifiedTokenCache(int maxEntries) {
        if (maxEntries < STRIPES) {
            throw new IllegalArgumentException("tokenCacheSize must be at least " + STRIPES + " (or 0 for no cache)");
        }
        this.maxEntries = maxEntries;
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
        Stripe stripe = stripeFor(token);
        Entry entry = stripe.entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis < entry.expiresAtMillis && trusted.test(entry.key)) {
            if (!entry.referenced) {
                entry.referenced = true;
            }
            return entry.user;
        }
        stripe.entries.remove(token, entry);
        return null;
    }

    void put(String token, AuthenticatedUser user, TrustedKey key) {
        stripeFor(token).put(new Entry(token, user, key, user.expiresAt().toEpochMilli()));
    }

    /** The number of entries, for tests and metrics. */
    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            size += stripe.entries.size();
        }
        return size;
    }

    int maxEntries() {
        return maxEntries;
    }

    private Stripe stripeFor(String token) {
        int h = token.hashCode();
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
    }

    /**
     * One part of the cache. Every entry in {@link #entries} has exactly one slot in {@link #order}; slots of
     * entries removed or replaced since are stale and skipped. Lookups read {@code entries} without a lock; inserts
     * and eviction hold the stripe's monitor.
     */
    private static final class Stripe {

        final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
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

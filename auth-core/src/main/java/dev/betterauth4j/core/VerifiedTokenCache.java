package dev.betterauth4j.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Remembers tokens that verified, so a token presented again returns its {@link AuthenticatedUser} without another
 * signature check.
 *
 * <ul>
 *   <li>Keyed by the whole token string: two different tokens can never share an entry (a hash key would make a
 *       collision merely unlikely).</li>
 *   <li>Bounded: at most {@code maxEntries}, least recently used first out. The bound is split over
 *       {@value #STRIPES} independently locked stripes so 32 threads do not queue on one lock.</li>
 *   <li>An entry is only returned before the token's own {@code exp} (the skew that verification allows is not
 *       extended to cached tokens) and while the key that verified it is still trusted: a key removed from the
 *       JWKS takes its cached tokens with it.</li>
 * </ul>
 * Only tokens that passed every check are stored; a rejection is never cached.
 */
final class VerifiedTokenCache {

    static final int STRIPES = 16;

    /** A verified token's result, the key that verified it, and the instant (ms) after which it must not be used. */
    record Entry(AuthenticatedUser user, TrustedKey key, long expiresAtMillis) {
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
        Entry entry;
        synchronized (stripe) {
            entry = stripe.get(token);
        }
        if (entry == null) {
            return null;
        }
        if (nowMillis < entry.expiresAtMillis() && trusted.test(entry.key())) {
            return entry.user();
        }
        synchronized (stripe) {
            stripe.remove(token, entry);
        }
        return null;
    }

    void put(String token, AuthenticatedUser user, TrustedKey key) {
        Entry entry = new Entry(user, key, user.expiresAt().toEpochMilli());
        Stripe stripe = stripeFor(token);
        synchronized (stripe) {
            stripe.put(token, entry);
        }
    }

    /** The number of entries, for tests and metrics. */
    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
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

    /** One access-ordered LRU map; callers hold its monitor. */
    private static final class Stripe extends LinkedHashMap<String, Entry> {

        private static final long serialVersionUID = 1L;
        private final int capacity;

        Stripe(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
        }
    }
}

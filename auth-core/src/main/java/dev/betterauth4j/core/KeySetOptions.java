package dev.betterauth4j.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BetterAuthVerifier} fetches and caches a remote key set ({@code {baseUrl}/api/auth/jwks} or
 * {@link BetterAuthVerifierBuilder#jwksUrl(java.net.URI)}): given to {@link BetterAuthVerifierBuilder#keySet}.
 * The HTTP timeouts, shared by every call to Better Auth, are on the builder itself.
 *
 * <pre>{@code
 * BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .keySet(keys -> keys.cacheTtl(Duration.ofMinutes(10)).outageTolerance(Duration.ofHours(4)))
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe, like the builder it belongs to; {@link BetterAuthVerifierBuilder#build()} checks the values
 * when the verifier fetches a key set, and ignores them with a fixed one.
 */
public final class KeySetOptions {

    Duration cacheTtl = VerifierSettings.JWKS_CACHE_TTL.defaultValue();
    Duration refreshAhead = VerifierSettings.JWKS_REFRESH_AHEAD.defaultValue();
    Duration refreshRateLimit = VerifierSettings.JWKS_REFRESH_RATE_LIMIT.defaultValue();
    Duration outageTolerance = VerifierSettings.JWKS_OUTAGE_TOLERANCE.defaultValue();
    int sizeLimit = VerifierSettings.JWKS_SIZE_LIMIT.defaultValue();

    KeySetOptions() {
    }

    /**
     * How long a fetched key set is used before it is fetched again ({@code BETTER_AUTH_JWKS_CACHE_TTL}).
     *
     * @param ttl the time to live, 1 s to 24 h
     * @return these options
     */
    public KeySetOptions cacheTtl(Duration ttl) {
        this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * How long before the cache expires a request starts a background refresh
     * ({@code BETTER_AUTH_JWKS_REFRESH_AHEAD}); zero turns it off.
     *
     * @param refreshAhead the lead time
     * @return these options
     */
    public KeySetOptions refreshAhead(Duration refreshAhead) {
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        return this;
    }

    /**
     * The key set fetch budget ({@code BETTER_AUTH_JWKS_REFRESH_RATE_LIMIT}): two fetches at once, then one per
     * interval, one at a time, whatever triggers them. In any period T at most 2 + T / interval fetches; a
     * rotated key is picked up within one interval plus one fetch, even during a flood of unknown {@code kid}s.
     *
     * @param interval the interval, at least 100 ms and less than the cache TTL
     * @return these options
     */
    public KeySetOptions refreshRateLimit(Duration interval) {
        this.refreshRateLimit = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * How long after the last successful fetch its keys stay usable while the endpoint fails, for cached tokens
     * too ({@code BETTER_AUTH_JWKS_OUTAGE_TOLERANCE}).
     *
     * @param tolerance the time since the last successful fetch, at most 7 days
     * @return these options
     */
    public KeySetOptions outageTolerance(Duration tolerance) {
        this.outageTolerance = Objects.requireNonNull(tolerance, "tolerance");
        return this;
    }

    /**
     * The largest key set document accepted ({@code BETTER_AUTH_JWKS_SIZE_LIMIT}).
     *
     * @param bytes the limit, 1 KiB to 16 MiB
     * @return these options
     */
    public KeySetOptions sizeLimit(int bytes) {
        this.sizeLimit = bytes;
        return this;
    }
}

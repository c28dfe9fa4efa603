package dev.betterauth4j.core;

import java.time.Clock;
import java.time.Duration;

/**
 * How a remote JWK set is fetched and cached, checked by {@link #checked}: each bound from the configuration table
 * ({@link VerifierSettings}), and the rules that tie the settings together.
 *
 * @param cacheTtl         how long a fetched set is used before it is fetched again
 * @param refreshAhead     how long before expiry a request triggers a background refresh
 * @param refreshRateLimit the fetch budget's interval: two fetches at once, then one per interval ({@link FetchBudget})
 * @param outageTolerance  how long the last good set stays usable while the endpoint fails
 * @param connectTimeout   TCP connect timeout
 * @param readTimeout      the deadline for the whole exchange, headers and body
 * @param sizeLimit        the largest document accepted, in bytes
 * @param clock            what the times above are measured with (the system clock; tests move their own)
 */
record JwksSettings(Duration cacheTtl, Duration refreshAhead, Duration refreshRateLimit, Duration outageTolerance,
                    Duration connectTimeout, Duration readTimeout, int sizeLimit, Clock clock) {

    /**
     * The settings, if each is within its bounds and they fit together.
     *
     * @throws IllegalArgumentException naming the setting that does not
     */
    static JwksSettings checked(Duration cacheTtl, Duration refreshAhead, Duration refreshRateLimit,
                                Duration outageTolerance, Duration connectTimeout, Duration readTimeout, int sizeLimit,
                                Clock clock) {
        JwksSettings settings = new JwksSettings(VerifierSettings.JWKS_CACHE_TTL.check(cacheTtl),
                VerifierSettings.JWKS_REFRESH_AHEAD.check(refreshAhead),
                VerifierSettings.JWKS_REFRESH_RATE_LIMIT.check(refreshRateLimit),
                VerifierSettings.JWKS_OUTAGE_TOLERANCE.check(outageTolerance),
                VerifierSettings.HTTP_CONNECT_TIMEOUT.check(connectTimeout),
                VerifierSettings.HTTP_READ_TIMEOUT.check(readTimeout),
                VerifierSettings.JWKS_SIZE_LIMIT.check(sizeLimit), clock);
        if (refreshRateLimit.compareTo(cacheTtl) >= 0) {
            throw new IllegalArgumentException(VerifierSettings.JWKS_REFRESH_RATE_LIMIT.label() + " (" + refreshRateLimit
                    + ") must be less than " + VerifierSettings.JWKS_CACHE_TTL.label() + " (" + cacheTtl + ")");
        }
        // A refresh ahead of expiry must be able to finish before the cache expires.
        Duration refreshTimeout = settings.cacheRefreshTimeout();
        if (!refreshAhead.isZero() && refreshAhead.plus(refreshTimeout).compareTo(cacheTtl) > 0) {
            throw new IllegalArgumentException(VerifierSettings.JWKS_REFRESH_AHEAD.label() + " (" + refreshAhead
                    + ") plus the fetch deadline (" + VerifierSettings.HTTP_CONNECT_TIMEOUT.name() + " + "
                    + VerifierSettings.HTTP_READ_TIMEOUT.name() + " + 1 s = " + refreshTimeout + ") must not exceed "
                    + VerifierSettings.JWKS_CACHE_TTL.label() + " (" + cacheTtl + "); shorten them or set "
                    + VerifierSettings.JWKS_REFRESH_AHEAD.name() + " to zero");
        }
        return settings;
    }

    /** How long a thread waits for another thread's fetch before giving up. */
    Duration cacheRefreshTimeout() {
        return connectTimeout.plus(readTimeout).plusSeconds(1);
    }

    BoundedHttpClient newHttpClient() {
        return new BoundedHttpClient("JWKS", connectTimeout, readTimeout, sizeLimit);
    }
}

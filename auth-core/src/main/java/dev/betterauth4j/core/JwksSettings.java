package dev.betterauth4j.core;

import java.time.Clock;
import java.time.Duration;

/**
 * How a remote JWK set is fetched and cached. Validated by {@link BetterAuthVerifier.Builder#build()}.
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

    /** How long a thread waits for another thread's fetch before giving up. */
    Duration cacheRefreshTimeout() {
        return connectTimeout.plus(readTimeout).plusSeconds(1);
    }

    JwksHttpRetriever newRetriever() {
        return new JwksHttpRetriever(connectTimeout, readTimeout, sizeLimit);
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.events.EventListener;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trusted keys from a JWK set: fetched over HTTP and cached (Better Auth's {@code /api/auth/jwks}), or given
 * once.
 *
 * <p>The remote set goes through Nimbus' {@link JWKSourceBuilder} chain: a time-to-live cache with
 * refresh-ahead, a rate limit on fetches, and outage tolerance (the last good set stays usable for a while
 * when the endpoint fails). On a token whose {@code kid} is unknown the set is refreshed once, so a rotated key
 * is picked up on first sight, and the rate limit caps how often a flood of made-up {@code kid}s can make us
 * fetch. The trusted keys built from a set are memoised per set, so the per-token cost is a map lookup.
 */
final class JwksKeySource implements KeySource {

    private static final TokenVerificationException.Reason UNKNOWN_KEY = TokenVerificationException.Reason.UNKNOWN_KEY;

    private final JWKSetSource<SecurityContext> source;
    private final TrustedKeyFactory factory;
    private final Logger logger;
    private volatile KeyRing ring = KeyRing.EMPTY;

    private JwksKeySource(JWKSetSource<SecurityContext> source, TrustedKeyFactory factory, Logger logger) {
        this.source = source;
        this.factory = factory;
        this.logger = logger;
    }

    /** A key source for a fixed key set. */
    static JwksKeySource fixed(JWKSet jwks, TrustedKeyFactory factory, Logger logger) {
        JWKSetSource<SecurityContext> fixedSource = new JWKSetSource<>() {
            @Override
            public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long now, SecurityContext context) {
                return jwks;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        return new JwksKeySource(fixedSource, factory, logger);
    }

    /** A key source that fetches, caches and refreshes the key set at {@code url}. */
    static JwksKeySource remote(URL url, JwksSettings settings, JwksDocumentParser parser,
                                TrustedKeyFactory factory, Logger logger) {
        JwksHttpRetriever retriever = settings.newRetriever();
        JWKSetSource<SecurityContext> http = new JWKSetSource<>() {
            @Override
            public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long now, SecurityContext context)
                    throws KeySourceException {
                Resource resource;
                try {
                    resource = retriever.retrieveResource(url);
                } catch (IOException e) {
                    throw new JWKSetRetrievalException("Couldn't fetch the JWKS: " + e.getMessage(), e);
                }
                try {
                    return parser.parse(resource.getContent());
                } catch (ParseException e) {
                    throw new JWKSetParseException(e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                retriever.close();
            }
        };
        EventListener<OutageTolerantJWKSetSource<SecurityContext>, SecurityContext> outageListener = event -> {
            if (event instanceof OutageTolerantJWKSetSource.OutageEvent<SecurityContext> outage) {
                logger.log(Level.WARNING, () -> "JWKS endpoint unavailable (" + outage.getException().getMessage()
                        + "); using the cached keys for up to " + outage.getRemainingTime() + " ms more");
                if (outage.getContext() instanceof RefreshAttempt attempt) {
                    attempt.outage = true;
                }
            }
        };
        JWKSourceBuilder<SecurityContext> chainBuilder = JWKSourceBuilder.create(http)
                .cache(settings.cacheTtl().toMillis(), settings.cacheRefreshTimeout().toMillis())
                .rateLimited(settings.refreshRateLimit().toMillis())
                .outageTolerant(settings.outageTolerance().toMillis(), outageListener)
                .retrying(false);
        if (!settings.refreshAhead().isZero()) {
            // Not scheduled: a request near expiry starts the refresh, so an idle verifier fetches nothing.
            ExecutorService executor = Executors.newSingleThreadExecutor(daemonThreads());
            chainBuilder.refreshAheadCache(settings.refreshAhead().toMillis(), null, executor, true, null, false);
        } else {
            chainBuilder.refreshAheadCache(false);
        }
        JWKSource<SecurityContext> built = chainBuilder.build();
        JWKSetSource<SecurityContext> chain = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
        return new JwksKeySource(chain, factory, logger);
    }

    @Override
    public List<TrustedKey> candidates(JWSHeader header) throws TokenVerificationException {
        String kid = header.getKeyID();
        KeyRing current;
        try {
            current = load(JWKSetCacheRefreshEvaluator.noRefresh(), null);
        } catch (RateLimited e) {
            // The cache expired while the rate limit is closed: the keys we hold are still the best we have.
            current = ring;
        }
        List<TrustedKey> keys = current.select(kid, header.getAlgorithm());
        if (!keys.isEmpty()) {
            return keys;
        }
        if (current.hasKid(kid)) {
            throw algorithmMismatch();
        }
        // Unknown kid: the key set may have rotated. Refresh once (Nimbus rate-limits this) and look again.
        RefreshAttempt attempt = new RefreshAttempt();
        KeyRing refreshed;
        try {
            refreshed = load(JWKSetCacheRefreshEvaluator.referenceComparison(current.source()), attempt);
        } catch (RateLimited e) {
            throw new TokenVerificationException(UNKNOWN_KEY, "The token is signed by an unknown key");
        }
        keys = refreshed.select(kid, header.getAlgorithm());
        if (!keys.isEmpty()) {
            return keys;
        }
        if (refreshed.hasKid(kid)) {
            throw algorithmMismatch();
        }
        if (attempt.outage) {
            throw unavailable();
        }
        throw new TokenVerificationException(UNKNOWN_KEY, "The token is signed by an unknown key");
    }

    @Override
    public boolean stillTrusted(TrustedKey key) {
        KeyRing current = ring;
        if (!current.contains(key)) {
            return false;
        }
        try {
            // Cheap when cached: lets an expired cache refresh, so a key removed upstream stops counting.
            return load(JWKSetCacheRefreshEvaluator.noRefresh(), null).contains(key);
        } catch (TokenVerificationException | RateLimited e) {
            return current.contains(key);
        }
    }

    private KeyRing load(JWKSetCacheRefreshEvaluator evaluator, RefreshAttempt attempt)
            throws TokenVerificationException, RateLimited {
        JWKSet set;
        try {
            set = source.getJWKSet(evaluator, System.currentTimeMillis(), attempt);
        } catch (RateLimitReachedException e) {
            if (ring.source() == null) {
                throw unavailable();
            }
            throw new RateLimited();
        } catch (KeySourceException e) {
            logger.log(Level.WARNING, () -> "JWKS unavailable and no usable cached keys: " + e.getMessage());
            throw unavailable();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, () -> "JWKS could not be loaded: " + e);
            throw unavailable();
        }
        KeyRing current = ring;
        if (current.source() == set) {
            return current;
        }
        KeyRing built = KeyRing.of(set, factory, current);
        ring = built;
        if (current.source() != null && !built.kids().equals(current.kids())) {
            logger.log(Level.INFO, () -> "JWKS refreshed: key ids " + built.kids());
        }
        return built;
    }

    private static TokenVerificationException unavailable() {
        return new TokenVerificationException(TokenVerificationException.Reason.KEY_SOURCE_UNAVAILABLE,
                "The signing keys are temporarily unavailable");
    }

    private static TokenVerificationException algorithmMismatch() {
        return new TokenVerificationException(TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED,
                "The token's algorithm does not match its key");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "betterauth4j-jwks-refresh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            logger.log(Level.DEBUG, () -> "Closing the JWKS source failed: " + e);
        }
    }

    /** Per-refresh context: the outage listener marks it when the refresh failed and stale keys were used. */
    private static final class RefreshAttempt implements SecurityContext {
        volatile boolean outage;
    }

    /** The rate limit refused a refresh while cached keys exist. */
    private static final class RateLimited extends Exception {
        private static final long serialVersionUID = 1L;

        RateLimited() {
            super(null, null, false, false);
        }
    }
}

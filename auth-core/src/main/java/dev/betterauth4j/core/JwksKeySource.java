package dev.betterauth4j.core;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;

import java.lang.System.Logger;
import java.net.URL;
import java.util.List;

/**
 * Trusted keys from a JWK set: fetched over HTTP and cached (Better Auth's {@code /api/auth/jwks}, see
 * {@link RemoteKeySet} for when it is fetched and how long it is trusted), or given once.
 *
 * <p>On a token whose {@code kid} is unknown the remote set is refreshed, so a rotated key is picked up on first
 * sight; the fetch budget caps how often a flood of made-up {@code kid}s can make us fetch. The trusted keys built
 * from a set are memoised per set, so the per-token cost is a map lookup.
 */
final class JwksKeySource implements KeySource {

    private final JWKSet fixedSet;
    private final TrustedKeyFactory factory;
    private final RemoteKeySet remote;
    /** The fixed set's keys, built on first use (so are a remote set's, by its first fetch). */
    private volatile KeyRing fixedRing;

    private JwksKeySource(JWKSet fixedSet, TrustedKeyFactory factory, RemoteKeySet remote) {
        this.fixedSet = fixedSet;
        this.factory = factory;
        this.remote = remote;
    }

    /** A key source for a fixed key set. */
    static JwksKeySource fixed(JWKSet jwks, TrustedKeyFactory factory) {
        return new JwksKeySource(jwks, factory, null);
    }

    /** A key source that fetches, caches and refreshes the key set at {@code url}. */
    static JwksKeySource remote(URL url, JwksSettings settings, JwksDocumentParser parser,
                                TrustedKeyFactory factory, Logger logger, VerifierObserver observer) {
        return new JwksKeySource(null, factory, new RemoteKeySet(url, settings, parser, factory, logger, observer));
    }

    @Override
    public List<TrustedKey> candidates(JWSHeader header) throws TokenVerificationException {
        String kid = header.getKeyID();
        KeyRing current = remote == null ? fixedRing() : remote.current();
        List<TrustedKey> keys = current.select(kid, header.getAlgorithm());
        if (!keys.isEmpty()) {
            return keys;
        }
        if (current.hasKid(kid)) {
            throw algorithmMismatch();
        }
        if (remote == null) {
            throw unknownKey();
        }
        // Unknown kid: the key set may have rotated. Refresh (within the fetch budget) and look again.
        KeyRing refreshed = remote.refreshedFor(current);
        keys = refreshed.select(kid, header.getAlgorithm());
        if (!keys.isEmpty()) {
            return keys;
        }
        if (refreshed.hasKid(kid)) {
            throw algorithmMismatch();
        }
        throw unknownKey();
    }

    /**
     * Whether {@code key} is in the key set that verification would use now. For a remote set that is the same
     * question {@link #candidates} asks, so a cached token is refused exactly when a fresh one would be: when its key
     * left the set, and when the set is past its outage tolerance (verification then reports the outage).
     */
    @Override
    public boolean stillTrusted(TrustedKey key) {
        if (remote == null) {
            return fixedRing().contains(key);
        }
        if (!remote.latest().contains(key)) {
            return false;
        }
        try {
            // Cheap while the set is fresh; once it has expired this refreshes it, so a key removed upstream stops
            // counting, and past the outage tolerance it fails.
            return remote.current().contains(key);
        } catch (TokenVerificationException e) {
            return false;
        }
    }

    private KeyRing fixedRing() {
        KeyRing ring = fixedRing;
        if (ring == null) {
            // Built once, so every token verified by a key refers to the same TrustedKey (the cache compares them).
            synchronized (this) {
                ring = fixedRing;
                if (ring == null) {
                    ring = KeyRing.of(fixedSet, factory, KeyRing.EMPTY);
                    fixedRing = ring;
                }
            }
        }
        return ring;
    }

    static TokenVerificationException unavailable() {
        return new TokenVerificationException(TokenVerificationException.Reason.KEY_SOURCE_UNAVAILABLE,
                "The signing keys are temporarily unavailable");
    }

    private static TokenVerificationException unknownKey() {
        return new TokenVerificationException(TokenVerificationException.Reason.UNKNOWN_KEY,
                "The token is signed by an unknown key");
    }

    private static TokenVerificationException algorithmMismatch() {
        return new TokenVerificationException(TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED,
                "The token's algorithm does not match its key");
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
    }
}

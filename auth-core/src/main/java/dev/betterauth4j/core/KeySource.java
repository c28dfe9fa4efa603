package dev.betterauth4j.core;

import com.nimbusds.jose.JWSHeader;

import java.util.List;

/**
 * Where the keys that may verify a token come from: a JWK set (fetched or given) or the shared secret.
 */
interface KeySource extends AutoCloseable {

    /**
     * Returns the keys that may verify a token with this header, never empty.
     *
     * @throws TokenVerificationException {@code UNKNOWN_KEY} when no key fits (after one refresh of a remote
     *         key set), {@code ALGORITHM_NOT_ALLOWED} when the key named by {@code kid} does not verify the
     *         header's algorithm, {@code KEY_SOURCE_UNAVAILABLE} when the keys cannot be loaded
     */
    List<TrustedKey> candidates(JWSHeader header) throws TokenVerificationException;

    /**
     * Tells whether {@code key} is still in the current key set, without fetching anything.
     */
    boolean stillTrusted(TrustedKey key);

    /** Stops background work (JWKS refresh-ahead). */
    @Override
    void close();
}

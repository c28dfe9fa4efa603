package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;

import java.util.Set;

/**
 * A public key (or the shared secret) admitted to verify signatures, with the algorithms it may verify.
 *
 * <p>Built once per key when a key set is loaded, so the per-token work is a map lookup and the signature
 * check itself. Identity matters: a verified-token cache entry remembers the instance that verified it and
 * is dropped when a refreshed key set no longer contains that instance.
 *
 * @param kid        the key id, or null when the key has none
 * @param algorithms the algorithms this key may verify; never empty
 * @param verifier   the Nimbus verifier bound to the key
 */
record TrustedKey(String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {

    TrustedKey {
        algorithms = Set.copyOf(algorithms);
    }

    boolean accepts(JWSAlgorithm algorithm) {
        return algorithms.contains(algorithm);
    }

    // Records compare by value; a trusted key is compared by identity, see the type's comment.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "TrustedKey[kid=" + kid + ", algorithms=" + algorithms + "]";
    }
}

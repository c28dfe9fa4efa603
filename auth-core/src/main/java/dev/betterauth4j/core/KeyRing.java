package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trusted keys of one key set, indexed by {@code kid}.
 *
 * <p>Several keys may share a {@code kid} (a key set in the middle of a rotation, or one that offers the same
 * id for two algorithms): all of them are candidates, and each verifies only its own algorithms, so a key of
 * the wrong type never accepts a token. A token without {@code kid} is checked against every key that accepts
 * its algorithm.
 */
final class KeyRing {

    static final KeyRing EMPTY = new KeyRing(List.of(), Map.of());

    private final List<TrustedKey> keys;
    private final Map<JWK, TrustedKey> byJwk;
    private final Map<String, List<TrustedKey>> byKid;

    private KeyRing(List<TrustedKey> keys, Map<JWK, TrustedKey> byJwk) {
        this.keys = List.copyOf(keys);
        this.byJwk = byJwk;
        Map<String, List<TrustedKey>> index = new HashMap<>();
        for (TrustedKey key : this.keys) {
            if (key.kid() != null) {
                index.computeIfAbsent(key.kid(), k -> new ArrayList<>(1)).add(key);
            }
        }
        index.replaceAll((kid, list) -> List.copyOf(list));
        this.byKid = Collections.unmodifiableMap(index);
    }

    /**
     * Builds the ring for {@code set}. Keys equal to one in {@code previous} keep their {@link TrustedKey}
     * instance, so verified-token cache entries survive a refresh that did not change their key.
     */
    static KeyRing of(JWKSet set, TrustedKeyFactory factory, KeyRing previous) {
        List<TrustedKey> keys = new ArrayList<>();
        Map<JWK, TrustedKey> byJwk = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            TrustedKey reused = previous.byJwk.get(jwk);
            Optional<TrustedKey> key = reused != null ? Optional.of(reused) : factory.admit(jwk);
            key.ifPresent(k -> {
                keys.add(k);
                byJwk.put(jwk, k);
            });
        }
        return new KeyRing(keys, byJwk);
    }

    /** Keys named by {@code kid} (all keys when {@code kid} is null) that accept {@code algorithm}. */
    List<TrustedKey> select(String kid, JWSAlgorithm algorithm) {
        List<TrustedKey> named = kid == null ? keys : byKid.getOrDefault(kid, List.of());
        if (named.size() == 1) {
            return named.get(0).accepts(algorithm) ? named : List.of();
        }
        List<TrustedKey> selected = new ArrayList<>(named.size());
        for (TrustedKey key : named) {
            if (key.accepts(algorithm)) {
                selected.add(key);
            }
        }
        return selected;
    }

    boolean hasKid(String kid) {
        return kid != null && byKid.containsKey(kid);
    }

    /** Whether this very key instance (not merely an equal one) is in the ring. */
    boolean contains(TrustedKey key) {
        for (TrustedKey candidate : keys) {
            if (candidate == key) {
                return true;
            }
        }
        return false;
    }

    /** How many keys verify signatures. */
    int size() {
        return keys.size();
    }

    Set<String> kids() {
        return byKid.keySet();
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JWSAlgorithm;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JWS algorithms this library verifies, in their two families, and the rule for an allow-list: HMAC algorithms
 * only with the shared secret, asymmetric ones only with a key set, so that a public key can never serve as an HMAC
 * secret.
 */
final class Algorithms {

    /** The HMAC family: verified with the shared secret only. */
    static final Set<JWSAlgorithm> HMAC = Set.copyOf(JWSAlgorithm.Family.HMAC_SHA);

    /** What Better Auth's {@code jwt} plugin documents: the default allow-list with a key set. */
    static final List<JWSAlgorithm> KEY_SET_DEFAULTS = List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256,
            JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    private Algorithms() {
    }

    static boolean isHmac(JWSAlgorithm algorithm) {
        return HMAC.contains(algorithm);
    }

    /**
     * The allow-list: {@code configured} if given, else the defaults for the key sources there are.
     *
     * @throws IllegalArgumentException if an algorithm is unknown, or needs a key source that is not configured
     */
    static Set<JWSAlgorithm> allowList(List<String> configured, boolean hasKeySet, boolean hasSecret) {
        String label = VerifierSettings.ALGORITHMS.label();
        if (configured == null) {
            Set<JWSAlgorithm> defaults = new LinkedHashSet<>();
            if (hasKeySet) {
                defaults.addAll(KEY_SET_DEFAULTS);
            }
            if (hasSecret) {
                defaults.add(JWSAlgorithm.HS256);
            }
            return defaults;
        }
        if (configured.isEmpty()) {
            throw new IllegalArgumentException(label + " must name at least one algorithm");
        }
        Set<JWSAlgorithm> supportedAsymmetric = TrustedKeyFactory.asymmetricAlgorithms();
        Set<JWSAlgorithm> chosen = new LinkedHashSet<>();
        for (String name : configured) {
            String trimmed = name == null ? "" : name.trim();
            JWSAlgorithm algorithm = JWSAlgorithm.parse(trimmed);
            if (isHmac(algorithm)) {
                if (!hasSecret) {
                    throw new IllegalArgumentException(label + ": " + trimmed + " needs "
                            + VerifierSettings.SHARED_SECRET.label() + "; a key set never verifies HMAC");
                }
            } else if (supportedAsymmetric.contains(algorithm)) {
                if (!hasKeySet) {
                    throw new IllegalArgumentException(label + ": " + trimmed + " needs a key set ("
                            + VerifierSettings.BASE_URL.key() + " or " + VerifierSettings.JWKS_URL.key()
                            + "); a shared secret only verifies HS256, HS384 and HS512");
                }
            } else {
                throw new IllegalArgumentException(label + ": '" + trimmed + "' is not supported; supported: EdDSA,"
                        + " Ed25519, ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512, HS256, HS384, HS512");
            }
            chosen.add(algorithm);
        }
        return chosen;
    }

    /** The members of {@code allowed} in the HMAC family ({@code hmac}) or outside it. */
    static Set<JWSAlgorithm> family(Collection<JWSAlgorithm> allowed, boolean hmac) {
        Set<JWSAlgorithm> members = new LinkedHashSet<>();
        for (JWSAlgorithm algorithm : allowed) {
            if (isHmac(algorithm) == hmac) {
                members.add(algorithm);
            }
        }
        return members;
    }
}

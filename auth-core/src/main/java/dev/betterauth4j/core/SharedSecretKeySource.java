package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;

import java.util.List;
import java.util.Set;

/**
 * The shared secret ({@code BETTER_AUTH_SECRET}) as the key for HS256/HS384/HS512 tokens.
 *
 * <p>Better Auth uses the secret's UTF-8 bytes as the HMAC key, with no key derivation; so does this source.
 * It verifies HMAC algorithms only, and a JWK set never verifies them, so a public key can never be used as
 * an HMAC secret. The {@code kid} of an HMAC token is ignored: there is exactly one secret.
 */
final class SharedSecretKeySource implements KeySource {

    private final List<TrustedKey> keys;

    SharedSecretKeySource(byte[] secret, Set<JWSAlgorithm> algorithms) {
        try {
            this.keys = List.of(new TrustedKey(null, algorithms, new MACVerifier(secret)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The shared secret cannot be used as an HMAC key", e);
        }
    }

    @Override
    public List<TrustedKey> candidates(JWSHeader header) throws TokenVerificationException {
        if (!keys.get(0).accepts(header.getAlgorithm())) {
            throw new TokenVerificationException(TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED,
                    "The token's algorithm is not allowed");
        }
        return keys;
    }

    @Override
    public boolean stillTrusted(TrustedKey key) {
        return keys.get(0) == key;
    }

    @Override
    public void close() {
        // Nothing runs in the background.
    }
}

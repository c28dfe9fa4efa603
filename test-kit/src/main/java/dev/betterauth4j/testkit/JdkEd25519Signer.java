package dev.betterauth4j.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Set;

/**
 * A Nimbus {@link JWSSigner} over the JDK's own Ed25519 ({@code Signature.getInstance("Ed25519")}, Java 15+), so
 * EdDSA test tokens need no Tink (Nimbus' {@code Ed25519Signer} does). {@link SigningKey} uses it for its EdDSA and
 * Ed25519 keys; it signs for both algorithm names.
 */
public final class JdkEd25519Signer implements JWSSigner {

    private final PrivateKey privateKey;
    private final JCAContext context = new JCAContext();

    /**
     * A signer for a JDK Ed25519 private key.
     *
     * @param privateKey an Ed25519 private key, such as {@code KeyPairGenerator.getInstance("Ed25519")} makes
     */
    public JdkEd25519Signer(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /**
     * Signs the JWS signing input.
     *
     * @param header       the JWS header (not consulted: the key decides the algorithm)
     * @param signingInput the bytes to sign, {@code base64url(header) + "." + base64url(payload)} in ASCII
     * @return the 64-byte Ed25519 signature, base64url-encoded
     * @throws JOSEException if the JDK cannot sign with the key
     */
    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(signingInput);
            return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException(e.getMessage(), e);
        }
    }

    /**
     * The algorithm names this signer signs for.
     *
     * @return {@code EdDSA} and {@code Ed25519}
     */
    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        // Parsed, not JWSAlgorithm.Ed25519: that constant is new in Nimbus 10 and the suite also runs on 9.37.
        return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.parse("Ed25519"));
    }

    /**
     * The JCA context, unused: the JDK's default provider signs.
     *
     * @return an empty context
     */
    @Override
    public JCAContext getJCAContext() {
        return context;
    }
}

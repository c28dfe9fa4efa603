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

/** Signs with the JDK's Ed25519, so tests need no Tink (Nimbus' Ed25519Signer does). */
public final class JdkEd25519Signer implements JWSSigner {

    private final PrivateKey privateKey;
    private final JCAContext context = new JCAContext();

    public JdkEd25519Signer(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

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

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        // Parsed, not JWSAlgorithm.Ed25519: that constant is new in Nimbus 10 and the suite also runs on 9.37.
        return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.parse("Ed25519"));
    }

    @Override
    public JCAContext getJCAContext() {
        return context;
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Verifies Ed25519 JWS signatures ({@code alg: EdDSA}, Better Auth's default) with the JDK's own provider.
 *
 * <p>Nimbus' {@code Ed25519Verifier} needs Google Tink (and with it protobuf) on the classpath; the JDK has
 * had Ed25519 since 15 (JEP 339), so auth-core plugs this {@link JWSVerifier} into Nimbus instead and keeps
 * its runtime dependencies to Nimbus alone. The JDK implementation checks that the signature's scalar is
 * canonical ({@code S < L}), so the classic Ed25519 malleability is rejected.
 */
final class JdkEd25519Verifier extends BaseJWSProvider implements JWSVerifier {

    /** ASN.1 prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the 32 key bytes follow. */
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };
    private static final int SIGNATURE_LENGTH = 64;

    private final PublicKey publicKey;

    JdkEd25519Verifier(OctetKeyPair jwk) throws JOSEException {
        super(Ed25519Engine.ALGORITHMS);
        byte[] x = Ed25519Engine.publicKeyBytes(jwk);
        byte[] spki = new byte[SPKI_PREFIX.length + Ed25519Engine.KEY_LENGTH];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(x, 0, spki, SPKI_PREFIX.length, Ed25519Engine.KEY_LENGTH);
        try {
            this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("The JDK refused the Ed25519 public key", e);
        }
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
            return false;
        }
        byte[] signatureBytes = signature.decode();
        if (signatureBytes.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(signingInput);
            return verifier.verify(signatureBytes);
        } catch (java.security.SignatureException e) {
            // The JDK signals a non-canonical or undecodable signature this way: it is simply not valid.
            return false;
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 verification is not available in this JDK", e);
        }
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies Ed25519 JWS signatures ({@code alg: EdDSA} or {@code Ed25519}) with Bouncy Castle's RFC 8032
 * implementation ({@code org.bouncycastle.math.ec.rfc8032.Ed25519}, in {@code bcprov-jdk18on}).
 *
 * <p>Why this one: it is the fastest pure-Java Ed25519 measured, about eight times the JDK's and twice Tink's
 * (docs/performance.md, "Ed25519 engines"). The low-level class is used directly rather than BC's
 * {@code Ed25519Signer} or its JCA provider: the key is decoded once, here, into a {@link Ed25519.PublicPoint}, where
 * the signer buffers the message and the provider would need registering. The signer measured level with it
 * ({@code floorBouncyCastleSigner}), so the choice rests on the simpler call, not on speed.
 *
 * <p>What it checks: {@code S < L} (the signature's scalar is canonical, so no second signature for the same token),
 * {@code R}'s encoding canonical, and the cofactorless equation, as the JDK and Tink do. It needs no extra care about
 * the public key: {@link TrustedKeyFactory} has already refused non-canonical and small-order keys
 * ({@link Ed25519PublicKeyCheck}), for this engine as for the others. Bouncy Castle's partial validation here
 * refuses the same keys a second time (an encoding that is not a point, or a point of small order), so this engine
 * would be safe even without admission. Not its full validation, which would also refuse a key with a torsion
 * component: that would admit fewer keys than the other engines for no gain, since only the key's owner could make
 * such a key, and the owner can sign anyway.
 *
 * <p>Stateless after construction ({@link Ed25519.PublicPoint} is immutable), so safe for concurrent use.
 */
final class BouncyCastleEd25519Verifier extends BaseJWSProvider implements JWSVerifier {

    private static final int SIGNATURE_LENGTH = 64;

    private final Ed25519.PublicPoint publicPoint;

    BouncyCastleEd25519Verifier(OctetKeyPair jwk) throws JOSEException {
        super(Ed25519Engine.ALGORITHMS);
        byte[] x = Ed25519Engine.publicKeyBytes(jwk);
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(x, 0);
        if (point == null) {
            throw new JOSEException("Bouncy Castle refused the Ed25519 public key (not the canonical encoding of a"
                    + " point of large order)");
        }
        this.publicPoint = point;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
            return false;
        }
        byte[] signatureBytes = signature.decode();
        if (signatureBytes.length != SIGNATURE_LENGTH) {
            return false;
        }
        return Ed25519.verify(signatureBytes, 0, publicPoint, signingInput, 0, signingInput.length);
    }
}

package dev.betterauth4j.benchmarks;

import com.google.crypto.tink.subtle.Ed25519Verify;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.GeneralSecurityException;

/**
 * Ed25519 signature checks other than the JDK's, over the same bytes: Tink's pure-Java {@code subtle.Ed25519Verify}
 * (the constructor Nimbus' Ed25519Verifier uses), and Bouncy Castle's, both ways it can be called without its JCA
 * provider: the low-level {@code math.ec.rfc8032.Ed25519} with the key decoded once (what auth-core's engine does), and
 * the {@code Ed25519Signer} API.
 */
public final class Ed25519Checks {

    private Ed25519Checks() {
    }

    /** Tink's Ed25519; its {@code verify} throws for an invalid signature. */
    public static SignatureCheck tink(Fixture fixture) {
        Ed25519Verify tink = new Ed25519Verify(fixture.ed25519RawPublicKey());
        return (input, signature) -> {
            try {
                tink.verify(signature, input);
                return true;
            } catch (GeneralSecurityException e) {
                return false;
            }
        };
    }

    /** Bouncy Castle's RFC 8032 Ed25519, the public key decoded once into a {@code PublicPoint}. */
    public static SignatureCheck bouncyCastle(Fixture fixture) {
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(fixture.ed25519RawPublicKey(), 0);
        if (point == null) {
            throw new IllegalStateException("Bouncy Castle refused the fixture's public key");
        }
        return (input, signature) -> signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, point, input, 0, input.length);
    }

    /** Bouncy Castle's {@code Ed25519Signer} (buffers the message, then verifies); reused, so not thread-safe. */
    public static SignatureCheck bouncyCastleSigner(Fixture fixture) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, new Ed25519PublicKeyParameters(fixture.ed25519RawPublicKey(), 0));
        return (input, signature) -> {
            signer.update(input, 0, input.length);
            return signer.verifySignature(signature); // also resets the signer
        };
    }
}

package dev.betterauth4j.benchmarks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * The bare JDK signature check for one algorithm, with its {@link Signature} or {@link Mac} initialised once.
 * Not thread-safe: one instance per thread. This is the physical limit of a correct verifier on this JVM.
 */
public final class JdkCrypto implements SignatureCheck {

    private final Signature signature;
    private final Mac mac;

    private JdkCrypto(Signature signature, Mac mac) {
        this.signature = signature;
        this.mac = mac;
    }

    public static JdkCrypto forFixture(Fixture fixture) {
        try {
            switch (fixture.algorithm) {
                case "HS256" -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(fixture.secret, "HmacSHA256"));
                    return new JdkCrypto(null, mac);
                }
                case "EdDSA" -> {
                    return new JdkCrypto(init(Signature.getInstance("Ed25519"), fixture), null);
                }
                case "ES256" -> {
                    return new JdkCrypto(init(Signature.getInstance("SHA256withECDSAinP1363Format"), fixture), null);
                }
                case "ES512" -> {
                    return new JdkCrypto(init(Signature.getInstance("SHA512withECDSAinP1363Format"), fixture), null);
                }
                case "RS256" -> {
                    return new JdkCrypto(init(Signature.getInstance("SHA256withRSA"), fixture), null);
                }
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    return new JdkCrypto(init(pss, fixture), null);
                }
                default -> throw new IllegalArgumentException("No JDK crypto for " + fixture.algorithm);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Signature init(Signature signature, Fixture fixture) throws GeneralSecurityException {
        signature.initVerify(fixture.publicKey);
        return signature;
    }

    /** Whether {@code sig} is a valid signature (or MAC) of {@code input}. A malformed signature is invalid. */
    @Override
    public boolean verify(byte[] input, byte[] sig) {
        if (mac != null) {
            return MessageDigest.isEqual(mac.doFinal(input), sig);
        }
        try {
            signature.update(input);
            return signature.verify(sig); // also resets the Signature for the next call, key kept
        } catch (java.security.SignatureException e) {
            return false;
        }
    }
}

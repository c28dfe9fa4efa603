package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;

import java.util.Locale;

/**
 * Which implementation verifies Ed25519 ({@code alg: EdDSA}) signatures.
 *
 * <ul>
 *   <li>{@link #JDK}: the JDK's own Ed25519 ({@link JdkEd25519Verifier}); no dependency beyond Nimbus.</li>
 *   <li>{@link #TINK}: Nimbus' {@link Ed25519Verifier}, which runs Google Tink's pure-Java Ed25519, about three
 *       times faster on the JDK versions measured. Used when the application has {@code com.google.crypto.tink:tink}
 *       on its classpath; auth-core declares it optional, so it never arrives transitively.</li>
 * </ul>
 * Both reject non-canonical signatures ({@code S >= L}). The system property {@code betterauth4j.ed25519} picks one:
 * {@code auto} (the default: Tink when present, else the JDK), {@code jdk} or {@code tink}.
 */
enum Ed25519Engine {
    JDK,
    TINK;

    static final String PROPERTY = "betterauth4j.ed25519";
    private static final String TINK_CLASS = "com.google.crypto.tink.subtle.Ed25519Verify";

    /** Chooses by the value of {@value #PROPERTY} (null means {@code auto}). */
    static Ed25519Engine select(String setting) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> tinkAvailable() ? TINK : JDK;
            case "jdk" -> JDK;
            case "tink" -> {
                if (!tinkAvailable()) {
                    throw new IllegalArgumentException(PROPERTY + "=tink, but com.google.crypto.tink:tink is not on the"
                            + " classpath");
                }
                yield TINK;
            }
            default -> throw new IllegalArgumentException(PROPERTY + ": '" + setting + "' is not auto, jdk or tink");
        };
    }

    JWSVerifier verifier(OctetKeyPair publicKey) throws JOSEException {
        return this == TINK ? new Ed25519Verifier(publicKey) : new JdkEd25519Verifier(publicKey);
    }

    static boolean tinkAvailable() {
        try {
            Class.forName(TINK_CLASS, false, Ed25519Engine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

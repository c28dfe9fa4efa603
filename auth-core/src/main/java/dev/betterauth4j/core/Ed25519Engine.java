package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.util.Locale;
import java.util.Set;

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

    /**
     * RFC 9864's fully-specified name for EdDSA over Ed25519. Nimbus has the constant {@code JWSAlgorithm.Ed25519}
     * only from 10.0 on; the name, parsed, works with 9.37 as well (docs/auth-core.md, "Nimbus versions").
     */
    static final JWSAlgorithm ED25519 = JWSAlgorithm.parse("Ed25519");
    /** Both names this engine verifies: {@code EdDSA} (what Better Auth sends) and {@code Ed25519}. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, ED25519);

    static final String PROPERTY = "betterauth4j.ed25519";
    private static final String TINK_CLASS = "com.google.crypto.tink.subtle.Ed25519Verify";

    /** Chooses by the value of {@value #PROPERTY} (null means {@code auto}); messages name the property. */
    static Ed25519Engine select(String setting) {
        return select(setting, PROPERTY);
    }

    /**
     * Chooses by name: {@code auto} (or null: the fastest engine on the classpath), {@code jdk} or {@code tink}.
     *
     * @param label how messages name the setting the name came from
     * @throws IllegalArgumentException for an unknown name, or an engine whose library is missing
     */
    static Ed25519Engine select(String setting, String label) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> tinkAvailable() ? TINK : JDK;
            case "jdk" -> JDK;
            case "tink" -> {
                if (!tinkAvailable()) {
                    throw new IllegalArgumentException(label + "=tink, but com.google.crypto.tink:tink is not on the"
                            + " classpath");
                }
                yield TINK;
            }
            default -> throw new IllegalArgumentException(label + ": '" + setting + "' is not auto, jdk or tink");
        };
    }

    JWSVerifier verifier(OctetKeyPair publicKey) throws JOSEException {
        if (this == JDK) {
            return new JdkEd25519Verifier(publicKey);
        }
        Ed25519Verifier tink = new Ed25519Verifier(publicKey);
        return tink.supportedJWSAlgorithms().contains(ED25519) ? tink : new EdDSANamedVerifier(tink);
    }

    /**
     * Nimbus 9.37's {@link Ed25519Verifier} knows the algorithm only as {@code EdDSA} and throws for {@code Ed25519},
     * the name Nimbus 10 added. The signature is the same either way, so this shows it an {@code EdDSA} header.
     */
    private static final class EdDSANamedVerifier extends BaseJWSProvider implements JWSVerifier {

        private static final JWSHeader EDDSA = new JWSHeader(JWSAlgorithm.EdDSA);

        private final Ed25519Verifier delegate;

        EdDSANamedVerifier(Ed25519Verifier delegate) {
            super(ALGORITHMS);
            this.delegate = delegate;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (ED25519.equals(header.getAlgorithm())) {
                // The token's header passed our header policy already (no crit, no b64); only its name differs.
                return delegate.verify(EDDSA, signingInput, signature);
            }
            return delegate.verify(header, signingInput, signature);
        }
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

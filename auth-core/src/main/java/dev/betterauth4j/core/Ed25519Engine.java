package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which implementation verifies Ed25519 ({@code alg: EdDSA}) signatures.
 *
 * <ul>
 *   <li>{@link #JDK}: the JDK's own Ed25519 ({@link JdkEd25519Verifier}); no dependency beyond Nimbus.</li>
 *   <li>{@link #TINK}: Nimbus' {@link Ed25519Verifier}, which runs Google Tink's pure-Java Ed25519, about three
 *       times faster on the JDK versions measured. Used when the application has {@code com.google.crypto.tink:tink}
 *       on its classpath; auth-core declares it optional, so it never arrives transitively.</li>
 *   <li>{@link #BOUNCY_CASTLE}: Bouncy Castle's RFC 8032 Ed25519 ({@link BouncyCastleEd25519Verifier}), about eight
 *       times the JDK's. Used when the application has {@code org.bouncycastle:bcprov-jdk18on} on its classpath, 1.78 or
 *       later ({@link BouncyCastleRelease}: older releases can loop forever on a crafted signature); optional in
 *       auth-core like Tink, and preferred over Tink when both are there.</li>
 * </ul>
 * All three reject non-canonical signatures ({@code S >= L}); none of them is relied on to refuse a small-order
 * public key, which key admission does for every engine ({@link Ed25519PublicKeyCheck}). The system property
 * {@code betterauth4j.ed25519} picks one: {@code auto} (the default: Bouncy Castle when present, else Tink when
 * present, else the JDK), {@code jdk}, {@code tink} or {@code bouncycastle}.
 */
enum Ed25519Engine {
    JDK("jdk", null, null),
    TINK("tink", "com.google.crypto.tink.subtle.Ed25519Verify", "com.google.crypto.tink:tink"),
    /** The class looked for is the newest this engine needs (1.77 has it; 1.78 is required, see below). */
    BOUNCY_CASTLE("bouncycastle", "org.bouncycastle.math.ec.rfc8032.Ed25519$PublicPoint",
            "org.bouncycastle:bcprov-jdk18on 1.78 or later");

    /**
     * RFC 9864's fully-specified name for EdDSA over Ed25519. Nimbus has the constant {@code JWSAlgorithm.Ed25519}
     * only from 10.0 on; the name, parsed, works with 9.37 as well (docs/auth-core.md, "Nimbus versions").
     */
    static final JWSAlgorithm ED25519 = JWSAlgorithm.parse("Ed25519");
    /** Both names this engine verifies: {@code EdDSA} (what Better Auth sends) and {@code Ed25519}. */
    /** The length of an Ed25519 public key. */
    static final int KEY_LENGTH = 32;

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, ED25519);

    static final String PROPERTY = "betterauth4j.ed25519";
    /** What {@code auto} picks from, fastest first. */
    private static final List<Ed25519Engine> FASTEST_FIRST = List.of(BOUNCY_CASTLE, TINK, JDK);

    private final String settingName;
    private final String probeClass;
    /** The library this engine needs, as messages name it. */
    final String library;

    Ed25519Engine(String settingName, String probeClass, String library) {
        this.settingName = settingName;
        this.probeClass = probeClass;
        this.library = library;
    }

    /** The name that selects this engine in the setting, and that {@code toString()} of a verifier shows. */
    String settingName() {
        return settingName;
    }

    /**
     * The 32 bytes of an Ed25519 public key, as every engine takes them.
     *
     * @throws JOSEException for a key of another curve or of another length
     */
    static byte[] publicKeyBytes(OctetKeyPair jwk) throws JOSEException {
        if (!Curve.Ed25519.equals(jwk.getCurve())) {
            throw new JOSEException("Only Ed25519 OKP keys are supported");
        }
        byte[] x = jwk.getDecodedX();
        if (x.length != KEY_LENGTH) {
            throw new JOSEException("An Ed25519 public key has 32 bytes, this one has " + x.length);
        }
        return x;
    }

    /** Chooses by the value of {@value #PROPERTY} (null means {@code auto}); messages name the property. */
    static Ed25519Engine select(String setting) {
        return select(setting, PROPERTY);
    }

    /**
     * Chooses by name: {@code auto} (or null: the fastest engine on the classpath), {@code jdk}, {@code tink} or
     * {@code bouncycastle}.
     *
     * @param label how messages name the setting the name came from
     * @throws IllegalArgumentException for an unknown name, or an engine whose library is missing or too old
     */
    static Ed25519Engine select(String setting, String label) {
        return select(setting, label, Ed25519Engine::unusable);
    }

    /**
     * {@link #select(String, String)} with the classpath as {@code unusable} sees it: why an engine cannot be used, or
     * null if it can (tests pass their own).
     */
    static Ed25519Engine select(String setting, String label, Function<Ed25519Engine, String> unusable) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (value.equals("auto") || value.isEmpty()) {
            return FASTEST_FIRST.stream().filter(engine -> unusable.apply(engine) == null).findFirst().orElse(JDK);
        }
        for (Ed25519Engine engine : values()) {
            if (engine.settingName.equals(value)) {
                String reason = unusable.apply(engine);
                if (reason != null) {
                    throw new IllegalArgumentException(label + "=" + value + ", but " + reason);
                }
                return engine;
            }
        }
        throw new IllegalArgumentException(label + ": '" + setting + "' is not auto, jdk, tink or bouncycastle");
    }

    /** Why this engine cannot be used here (its library is missing, or too old), or null if it can. */
    String unusable() {
        if (probeClass == null) {
            return null;
        }
        try {
            Class.forName(probeClass, false, Ed25519Engine.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return library + " is not on the classpath";
        }
        return this == BOUNCY_CASTLE ? BouncyCastleRelease.refusal() : null;
    }

    JWSVerifier verifier(OctetKeyPair publicKey) throws JOSEException {
        if (this == JDK) {
            return new JdkEd25519Verifier(publicKey);
        }
        if (this == BOUNCY_CASTLE) {
            return new BouncyCastleEd25519Verifier(publicKey);
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
}

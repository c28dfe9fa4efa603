package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a JWK from a key set may verify signatures, and if so builds its {@link TrustedKey}.
 *
 * <p>A key is admitted only if all of these hold; otherwise it is skipped (with a warning, once) and the
 * rest of the set stays usable:
 * <ul>
 *   <li>it is an asymmetric key: RSA of at least 2048 bits, EC on P-256/P-384/P-521 (Nimbus checks at
 *       parse time that the point is on the curve), or OKP on Ed25519 whose public key is canonical and not of
 *       small order ({@link Ed25519PublicKeyCheck}: with such a key anyone can forge signatures). Symmetric
 *       ({@code oct}) keys are never taken from a key set: a shared secret is configured, never downloaded;</li>
 *   <li>{@code use}, when present, is {@code sig}; {@code key_ops}, when present, contains {@code verify};</li>
 *   <li>its {@code alg}, when present, fits the key type and is allowed; the key then verifies that
 *       algorithm only, the way Better Auth's own verifier pins {@code algorithms: [key.alg]}. Without
 *       {@code alg} it verifies every allowed algorithm of its type.</li>
 * </ul>
 * A key that carries private members is used by its public part only.
 */
final class TrustedKeyFactory {

    static final int MIN_RSA_BITS = 2048;

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    private static final Map<Curve, JWSAlgorithm> EC_ALGORITHMS = Map.of(
            Curve.P_256, JWSAlgorithm.ES256,
            Curve.P_384, JWSAlgorithm.ES384,
            Curve.P_521, JWSAlgorithm.ES512);
    private static final Set<JWSAlgorithm> ED25519_ALGORITHMS = Ed25519Engine.ALGORITHMS;

    private final Set<JWSAlgorithm> allowed;
    private final DistinctWarnings warnings;
    private final Ed25519Engine ed25519;

    TrustedKeyFactory(Set<JWSAlgorithm> allowed, DistinctWarnings warnings, Ed25519Engine ed25519) {
        this.allowed = Set.copyOf(allowed);
        this.warnings = warnings;
        this.ed25519 = ed25519;
    }

    /**
     * Returns the trusted key for {@code jwk}, or empty if the key must not verify signatures.
     */
    Optional<TrustedKey> admit(JWK jwk) {
        String kid = jwk.getKeyID();
        String refusal = refusal(jwk);
        if (refusal != null) {
            warnings.warn("skip:" + kid + ":" + refusal,
                    () -> "Ignoring JWK kid=" + kid + ": " + refusal);
            return Optional.empty();
        }
        JWK publicJwk = jwk;
        if (jwk.isPrivate()) {
            warnings.warn("private:" + kid, () -> "JWK kid=" + kid + " carries private key members; only its"
                    + " public part is used. Publish public keys only.");
            publicJwk = jwk.toPublicJWK();
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(typeAlgorithms(publicJwk));
        if (jwk.getAlgorithm() != null) {
            JWSAlgorithm declared = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
            if (!algorithms.contains(declared)) {
                warnings.warn("alg:" + kid, () -> "Ignoring JWK kid=" + kid + ": its alg "
                        + declared + " does not fit its key type " + jwk.getKeyType());
                return Optional.empty();
            }
            algorithms = new LinkedHashSet<>(Set.of(declared));
        }
        algorithms.retainAll(allowed);
        if (algorithms.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TrustedKey(kid, algorithms, verifierFor(publicJwk)));
        } catch (JOSEException | RuntimeException e) {
            warnings.warn("unusable:" + kid, () -> "Ignoring JWK kid=" + kid + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String refusal(JWK jwk) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return "its use is '" + jwk.getKeyUse().identifier() + "', not 'sig'";
        }
        Set<KeyOperation> ops = jwk.getKeyOperations();
        if (ops != null && !ops.contains(KeyOperation.VERIFY)) {
            return "its key_ops do not include 'verify'";
        }
        if (jwk instanceof RSAKey rsa && rsa.size() < MIN_RSA_BITS) {
            return "RSA keys need at least " + MIN_RSA_BITS + " bits, this one has " + rsa.size();
        }
        if (jwk instanceof ECKey ec && !EC_ALGORITHMS.containsKey(ec.getCurve())) {
            return "curve " + ec.getCurve() + " is not supported";
        }
        if (jwk instanceof OctetKeyPair okp) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                return "curve " + okp.getCurve() + " is not supported (only Ed25519)";
            }
            String defect = Ed25519PublicKeyCheck.defect(okp.getDecodedX());
            if (defect != null) {
                return defect;
            }
        }
        if (!(jwk instanceof RSAKey || jwk instanceof ECKey || jwk instanceof OctetKeyPair)) {
            return "key type " + jwk.getKeyType() + " cannot verify signatures from a key set";
        }
        return null;
    }

    private static Set<JWSAlgorithm> typeAlgorithms(JWK jwk) {
        if (jwk instanceof RSAKey) {
            return RSA_ALGORITHMS;
        }
        if (jwk instanceof ECKey ec) {
            return Set.of(EC_ALGORITHMS.get(ec.getCurve()));
        }
        return ED25519_ALGORITHMS;
    }

    private JWSVerifier verifierFor(JWK jwk) throws JOSEException {
        if (jwk instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toRSAPublicKey());
        }
        if (jwk instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toECPublicKey());
        }
        OctetKeyPair okp = (OctetKeyPair) jwk;
        if (okp.getDecodedX().length != 32) {
            throw new JOSEException("An Ed25519 public key has 32 bytes, this one has " + okp.getDecodedX().length);
        }
        return ed25519.verifier(okp);
    }

    static Set<JWSAlgorithm> asymmetricAlgorithms() {
        Set<JWSAlgorithm> all = new LinkedHashSet<>(RSA_ALGORITHMS);
        all.addAll(EC_ALGORITHMS.values());
        all.addAll(ED25519_ALGORITHMS);
        return all;
    }
}

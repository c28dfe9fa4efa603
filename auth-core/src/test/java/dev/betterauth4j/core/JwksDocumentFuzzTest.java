package dev.betterauth4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz target for the JWKS document parser and key admission behind the key source: any document gives a
 * key set or a {@link ParseException}, never another throwable, and no admitted key is symmetric, an RSA key under
 * 2048 bits, or one whose {@code use} is not {@code sig}.
 *
 * <pre>
 * scripts/fuzz.sh auth-core JwksDocumentFuzzTest#parseAndAdmitJwksDocuments 600              (a chosen duration, Jazzer CLI)
 * JAZZER_FUZZ=1 ./mvnw -pl auth-core test -Dtest='JwksDocumentFuzzTest#parseAndAdmitJwksDocuments'   (JUnit, for the 10 minutes of maxDuration)
 * </pre>
 */
class JwksDocumentFuzzTest {

    private static final DistinctWarnings WARNINGS = new DistinctWarnings(System.getLogger("fuzz"));
    private static final JwksDocumentParser PARSER = new JwksDocumentParser(WARNINGS);
    private static final TrustedKeyFactory FACTORY = new TrustedKeyFactory(TrustedKeyFactory.asymmetricAlgorithms(),
            WARNINGS, Ed25519Engine.JDK);

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void parseAndAdmitJwksDocuments(byte[] input) {
        JWKSet set;
        try {
            set = PARSER.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            return;
        }
        for (JWK jwk : set.getKeys()) {
            Optional<TrustedKey> admitted = FACTORY.admit(jwk);
            if (admitted.isPresent()) {
                assertThat(jwk).isNotInstanceOf(OctetSequenceKey.class);
                assertThat(jwk.getKeyUse() == null || "sig".equals(jwk.getKeyUse().identifier())).isTrue();
                if (jwk instanceof RSAKey rsa) {
                    assertThat(rsa.size()).isGreaterThanOrEqualTo(TrustedKeyFactory.MIN_RSA_BITS);
                }
                assertThat(admitted.get().algorithms()).isNotEmpty()
                        .noneMatch(alg -> JWSAlgorithm.Family.HMAC_SHA.contains(alg));
            }
        }
    }
}

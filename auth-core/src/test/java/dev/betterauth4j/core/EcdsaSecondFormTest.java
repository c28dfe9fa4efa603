package dev.betterauth4j.core;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static dev.betterauth4j.core.TestVerifiers.builder;
import static dev.betterauth4j.core.TestVerifiers.token;
import static dev.betterauth4j.core.TestVerifiers.verifier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ECDSA signature (r, s) has a twin, (r, n - s), that verifies just as well. Better Auth signs through jose, which
 * emits either, so both must be accepted: an ES256 token has two valid texts, and nothing may identify a token by its
 * text (docs/security.md says how to revoke one by its claims).
 */
class EcdsaSecondFormTest {

    private static final SigningKey ES256 = SigningKey.of("ES256");
    /** The order n of P-256's base point. */
    private static final BigInteger N = Curve.P_256.toECParameterSpec().getOrder();

    /** The same token with s replaced by n - s: the JOSE signature is r and s, 32 bytes each, big-endian. */
    private static String secondForm(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64URL.from(token.substring(dot + 1)).decode();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] twin = signature.clone();
        byte[] negated = N.subtract(s).toByteArray();
        Arrays.fill(twin, 32, 64, (byte) 0);
        int length = Math.min(negated.length, 32);
        System.arraycopy(negated, negated.length - length, twin, 64 - length, length);
        return token.substring(0, dot + 1) + Base64URL.encode(twin);
    }

    @Test
    void anEs256TokenAndItsSecondFormBothVerifyAsTheSameUser() throws Exception {
        String token = token(ES256).signWith(ES256);
        String twin = secondForm(token);
        BetterAuthVerifier verifier = verifier(ES256);

        assertThat(twin).isNotEqualTo(token);
        assertThat(verifier.verify(twin)).isEqualTo(verifier.verify(token));
    }

    @Test
    void theVerifiedTokenCacheHoldsTheTwoFormsAsTwoEntries() throws Exception {
        String token = token(ES256).signWith(ES256);
        BetterAuthVerifier verifier = builder(ES256).tokenCacheSize(100).build();

        verifier.verify(token);
        verifier.verify(secondForm(token));

        assertThat(verifier.cachedTokens()).isEqualTo(2);
    }
}

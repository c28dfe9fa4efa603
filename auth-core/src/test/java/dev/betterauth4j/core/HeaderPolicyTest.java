package dev.betterauth4j.core;

import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import com.nimbusds.jose.util.Base64;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.token;
import static dev.betterauth4j.core.TestVerifiers.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Header parameters that would let a token choose its own key or change how it is processed. */
class HeaderPolicyTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");

    @Test
    void rejectsAnEmbeddedJwkEvenWhenTheTokenIsSignedByThatKey() {
        SigningKey attacker = SigningKey.fresh("EdDSA", ED.kid());
        String token = token(attacker).header("jwk", attacker.publicJwk().toJSONObject()).signWith(attacker);

        assertRejected(verifier(ED), token, Reason.MALFORMED);
    }

    @Test
    void rejectsAnEmbeddedJwkEvenWhenTheSignatureIsByATrustedKey() {
        String token = token(ED).header("jwk", ED.publicJwk().toJSONObject()).signWith(ED);

        assertRejected(verifier(ED), token, Reason.MALFORMED);
    }

    @Test
    void rejectsAJkuHeader() {
        assertRejected(verifier(ED), token(ED).header("jku", "https://evil.example/jwks").signWith(ED), Reason.MALFORMED);
    }

    @Test
    void rejectsAnX5uHeader() {
        assertRejected(verifier(ED), token(ED).header("x5u", "https://evil.example/cert.pem").signWith(ED),
                Reason.MALFORMED);
    }

    @Test
    void rejectsAnX5cHeader() {
        String cert = Base64.encode("not really a certificate").toString();
        assertRejected(verifier(ED), token(ED).header("x5c", List.of(cert)).signWith(ED), Reason.MALFORMED);
    }

    @Test
    void rejectsAnUnknownCriticalHeader() {
        String token = token(ED).header("crit", List.of("exp")).header("exp", 1).signWith(ED);
        assertRejected(verifier(ED), token, Reason.MALFORMED);
    }

    @Test
    void rejectsTheUnencodedPayloadOption() {
        String token = token(ED).header("b64", false).header("crit", List.of("b64")).signWith(ED);
        assertRejected(verifier(ED), token, Reason.MALFORMED);
    }

    @Test
    void rejectsNestedTokens() {
        assertRejected(verifier(ED), token(ED).header("cty", "JWT").signWith(ED), Reason.MALFORMED);
    }

    @Test
    void rejectsAHeaderWithTooManyParameters() {
        TestToken token = token(ED);
        for (int i = 0; i < CompactJwsParser.MAX_HEADER_PARAMETERS; i++) {
            token.header("p" + i, i);
        }
        assertRejected(verifier(ED), token.signWith(ED), Reason.MALFORMED);
    }

    @Test
    void rejectsAKidThatIsNotAString() {
        assertRejected(verifier(ED), token(ED).header("kid", 42).signWith(ED), Reason.MALFORMED);
    }

    @Test
    void rejectsAHeaderWithDuplicateParameters() {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + ED.kid() + "\",\"alg\":\"none\"}";
        assertRejected(verifier(ED), TestToken.sign(ED, header, token(ED).payloadJson()), Reason.MALFORMED);
    }

    @Test
    void acceptsCustomHeaderParametersThatChangeNothing() throws Exception {
        String token = token(ED).header("x-trace", "abc").signWith(ED);
        assertThat(verifier(ED).verify(token).id()).isEqualTo(TestToken.USER_ID);
    }

    @Test
    void namesTheRefusedParameterInTheMessage() {
        String token = token(ED).header("jku", "https://evil.example/jwks").signWith(ED);
        assertThatThrownBy(() -> verifier(ED).verify(token)).hasMessageContaining("'jku'")
                .hasMessageNotContaining("evil.example");
    }
}

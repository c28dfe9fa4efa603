package dev.betterauth4j.core;

import dev.betterauth4j.core.TokenVerificationException.Reason;
import dev.betterauth4j.testkit.SigningKey;
import dev.betterauth4j.testkit.TestToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static dev.betterauth4j.core.RejectionReasonTest.assertRejected;
import static dev.betterauth4j.core.TestVerifiers.builder;
import static dev.betterauth4j.core.TestVerifiers.token;
import static dev.betterauth4j.core.TestVerifiers.verifier;

/**
 * The stated resource bounds: token length before any decoding, JSON nesting depth in header and payload, header
 * parameter and claim counts. Each hostile input is rejected quickly, without a StackOverflowError or an
 * OutOfMemoryError.
 */
class ResourceBoundsTest {

    private static final SigningKey ED = SigningKey.of("EdDSA");

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void aTenMegabyteTokenIsRejectedBeforeAnyDecoding() {
        String huge = "eyJ" + "A".repeat(10 * 1024 * 1024);
        for (int i = 0; i < 100; i++) {
            assertRejected(verifier(ED), huge, Reason.TOO_LARGE);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aPayloadNestedThousandsDeepIsMalformedNotAStackOverflow() {
        String deep = "{\"sub\":\"x\",\"deep\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        String token = TestToken.sign(ED, token(ED).headerJson(), deep);
        assertRejected(builder(ED).maxTokenLength(65_536).build(), token, Reason.MALFORMED);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aHeaderNestedThousandsDeepIsMalformedNotAStackOverflow() {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + ED.kid() + "\",\"x\":" + "[".repeat(20_000)
                + "]".repeat(20_000) + "}";
        assertRejected(builder(ED).maxTokenLength(65_536).build(), TestToken.sign(ED, header, token(ED).payloadJson()),
                Reason.MALFORMED);
    }

    @Test
    void aHeaderNestedJustPastTheBoundIsMalformed() {
        Object nested = "leaf";
        for (int i = 0; i < ClaimsValidator.MAX_DEPTH; i++) {
            nested = java.util.List.of(nested);
        }
        assertRejected(verifier(ED), token(ED).header("x-deep", nested).signWith(ED), Reason.MALFORMED);
    }

    @Test
    void aFloodOfDistinctHeadersNeverGrowsTheHeaderCachePastItsBound() {
        CompactJwsParser parser = new CompactJwsParser(java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.EdDSA));
        for (int i = 0; i < 5_000; i++) {
            String token = token(ED).header("x-n", i).signWith(ED);
            try {
                parser.parse(token);
            } catch (TokenVerificationException e) {
                throw new AssertionError(e);
            }
            org.assertj.core.api.Assertions.assertThat(parser.cachedHeaders())
                    .isLessThanOrEqualTo(CompactJwsParser.HEADER_CACHE_SIZE);
        }
    }

    @Test
    void aRememberedHeaderIsStillRefusedWhenItsTokenIsNot() {
        BetterAuthVerifier verifier = verifier(ED);
        String good = token(ED).signWith(ED);
        String forged = good.substring(0, good.indexOf('.') + 1) + TestToken.encode(token(ED).claim("sub", "admin")
                .payloadJson()) + good.substring(good.lastIndexOf('.'));
        try {
            verifier.verify(good);
        } catch (TokenVerificationException e) {
            throw new AssertionError(e);
        }
        assertRejected(verifier, forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void boundsAreWhatTheDocumentationStates() {
        org.assertj.core.api.Assertions.assertThat(VerifierSettings.MAX_TOKEN_LENGTH.defaultValue()).isEqualTo(8192);
        org.assertj.core.api.Assertions.assertThat(ClaimsValidator.MAX_DEPTH).isEqualTo(16);
        org.assertj.core.api.Assertions.assertThat(ClaimsValidator.MAX_CLAIMS).isEqualTo(256);
        org.assertj.core.api.Assertions.assertThat(CompactJwsParser.MAX_HEADER_PARAMETERS).isEqualTo(16);
        org.assertj.core.api.Assertions.assertThat(CompactJwsParser.HEADER_CACHE_SIZE).isEqualTo(256);
    }
}

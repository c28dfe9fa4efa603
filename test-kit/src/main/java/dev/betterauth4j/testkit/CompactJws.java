package dev.betterauth4j.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;

/**
 * The JWS compact serialisation (RFC 7515 §7.1) done by hand rather than with Nimbus' {@code JWSObject}, which
 * writes its header from a {@code JWSHeader} object and so can never carry the header text hostile tests need
 * (duplicate members, malformed JSON, an {@code alg} the key does not sign with).
 */
final class CompactJws {

    private CompactJws() {
    }

    /** {@code base64url(header).base64url(payload).signature}, signed by {@code key} whatever the header says. */
    static String sign(SigningKey key, String headerJson, String payloadJson) {
        String signingInput = encode(headerJson) + "." + encode(payloadJson);
        try {
            // The signer gets a header of its own with the key's algorithm: the text signed need not be a header.
            Base64URL signature = key.signer().sign(new JWSHeader(key.algorithm()),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64url of the text's UTF-8 bytes, without padding, as a JWS encodes its header and payload. */
    static String encode(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package dev.betterauth4j.core;

import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes the header and payload parts of a token with the JDK's base64url decoder.
 *
 * <p>Nimbus' own codec is constant-time, which matters for secrets and costs about half of a fast verification;
 * header and payload are not secret (anyone holding the token can read them), so the JDK's vectorised decoder is
 * used for them. Signatures and keys still go through Nimbus. Callers have already checked that the part holds only
 * base64url characters.
 */
final class Base64UrlParts {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64UrlParts() {
    }

    /** The UTF-8 text of a base64url part; throws {@link IllegalArgumentException} if it is not valid base64url. */
    static String decodeToString(String part) {
        return new String(DECODER.decode(part), StandardCharsets.UTF_8);
    }

    /**
     * A token's signature part for Nimbus' verifiers, decoded once with the JDK decoder. The signature travels in the
     * token, so it is no secret and needs no constant-time decoding.
     */
    static Base64URL signature(String part) {
        return new DecodedSignature(part);
    }

    /** The 6-bit value of a base64url character (the caller has checked it is one). */
    static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static final class DecodedSignature extends Base64URL {

        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;

        DecodedSignature(String part) {
            super(part);
            this.bytes = DECODER.decode(part);
        }

        @Override
        public byte[] decode() {
            return bytes.clone();
        }
    }
}

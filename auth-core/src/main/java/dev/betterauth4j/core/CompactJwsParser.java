package dev.betterauth4j.core;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.WRONG_TOKEN_TYPE;

/**
 * Splits a compact JWS and checks its header before any key is looked at.
 *
 * <p>The token must be exactly three base64url parts (no padding, no other characters: Nimbus' decoder skips
 * characters outside the alphabet, which would let two different strings carry the same signature). The
 * header is parsed by Nimbus and must be a JWS header whose algorithm is allowed, with none of the parameters
 * that would let the token pick its own key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}), no
 * {@code crit}, no unencoded payload, and a {@code typ}, if any, that names an access token.
 */
final class CompactJwsParser {

    /** Better Auth's headers have two or three parameters; anything near this bound is not from it. */
    static final int MAX_HEADER_PARAMETERS = 16;

    /** {@code typ} values that name an access token (RFC 7519, RFC 9068), compared case-insensitively. */
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/jwt",
            "application/at+jwt");

    private final Set<JWSAlgorithm> allowed;

    CompactJwsParser(Set<JWSAlgorithm> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** A compact JWS split into what signature verification needs; the payload is still encoded. */
    record ParsedJws(JWSHeader header, byte[] signingInput, Base64URL payload, Base64URL signature) {
    }

    ParsedJws parse(String token) throws TokenVerificationException {
        int firstDot = -1;
        int secondDot = -1;
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
                if (dots == 1) {
                    firstDot = i;
                } else if (dots == 2) {
                    secondDot = i;
                }
            } else if (!isBase64UrlChar(c)) {
                throw new TokenVerificationException(MALFORMED, "The token is not a compact JWS: it contains"
                        + " characters outside the base64url alphabet");
            }
        }
        if (dots == 4) {
            throw new TokenVerificationException(MALFORMED, "Encrypted (JWE) tokens are not accepted");
        }
        if (dots != 2) {
            throw new TokenVerificationException(MALFORMED, "The token is not a compact JWS of three parts");
        }
        if (firstDot == 0 || secondDot == firstDot + 1
                || !validLength(firstDot) || !validLength(secondDot - firstDot - 1)
                || !validLength(token.length() - secondDot - 1)) {
            throw new TokenVerificationException(MALFORMED, "The token has an empty or truncated part");
        }
        Base64URL headerPart = new Base64URL(token.substring(0, firstDot));
        JWSHeader header = checkedHeader(parseHeader(headerPart));
        String signaturePart = token.substring(secondDot + 1);
        Base64URL signature = new Base64URL(signaturePart);
        if (!isCanonical(signature, signaturePart)) {
            // The signing input covers the header and payload text but not the signature's own encoding:
            // a signature with non-zero padding bits would give a second, different string for the same token.
            throw new TokenVerificationException(MALFORMED, "The token's signature is not canonical base64url");
        }
        return new ParsedJws(header,
                token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII),
                new Base64URL(token.substring(firstDot + 1, secondDot)),
                signature);
    }

    private static boolean isCanonical(Base64URL value, String text) {
        return text.isEmpty() || Base64URL.encode(value.decode()).toString().equals(text);
    }

    private static Header parseHeader(Base64URL part) throws TokenVerificationException {
        try {
            return Header.parse(part);
        } catch (ParseException | RuntimeException e) {
            throw new TokenVerificationException(MALFORMED, "The token header is not a valid JOSE header");
        }
    }

    private JWSHeader checkedHeader(Header parsed) throws TokenVerificationException {
        if (parsed instanceof PlainHeader) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "Unsigned tokens (alg: none) are not accepted");
        }
        if (parsed instanceof JWEHeader || !(parsed instanceof JWSHeader header)) {
            throw new TokenVerificationException(MALFORMED, "Encrypted (JWE) tokens are not accepted");
        }
        if (!allowed.contains(header.getAlgorithm())) {
            throw new TokenVerificationException(ALGORITHM_NOT_ALLOWED, "The token's algorithm is not allowed");
        }
        if (header.getIncludedParams().size() > MAX_HEADER_PARAMETERS) {
            throw new TokenVerificationException(MALFORMED, "The token header has too many parameters");
        }
        ClaimsValidator.checkDepth(header.getCustomParams(), "header");
        if (header.getJWK() != null) {
            throw forbidden("jwk");
        }
        if (header.getJWKURL() != null) {
            throw forbidden("jku");
        }
        if (header.getX509CertURL() != null) {
            throw forbidden("x5u");
        }
        if (header.getX509CertChain() != null) {
            throw forbidden("x5c");
        }
        if (header.getCriticalParams() != null) {
            throw new TokenVerificationException(MALFORMED, "The token header has critical parameters (crit),"
                    + " which this verifier does not support");
        }
        if (!header.isBase64URLEncodePayload()) {
            throw new TokenVerificationException(MALFORMED, "Unencoded payloads (b64: false) are not accepted");
        }
        JOSEObjectType type = header.getType();
        if (type != null && !ACCESS_TOKEN_TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw new TokenVerificationException(WRONG_TOKEN_TYPE, "The token is not an access token (its typ"
                    + " header names another kind of token)");
        }
        if (header.getContentType() != null
                && "jwt".equals(header.getContentType().toLowerCase(Locale.ROOT))) {
            throw new TokenVerificationException(MALFORMED, "Nested tokens (cty: JWT) are not accepted");
        }
        return header;
    }

    private static TokenVerificationException forbidden(String parameter) {
        return new TokenVerificationException(MALFORMED, "The token header parameter '" + parameter + "' is not"
                + " accepted: keys come only from the configured key source");
    }

    private static boolean isBase64UrlChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** Unpadded base64url never has a length of 1 modulo 4. */
    private static boolean validLength(int length) {
        return length % 4 != 1;
    }
}

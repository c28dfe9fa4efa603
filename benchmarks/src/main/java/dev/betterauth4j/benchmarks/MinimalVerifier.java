package dev.betterauth4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The least a correct verifier must do ({@code floorPlusParse}): split the token, base64url-decode its parts, parse
 * header and payload as JSON (Jackson {@code ObjectMapper.readTree}), check {@code alg} and {@code kid}, check the
 * signature as in {@link JdkCrypto} (or another {@link SignatureCheck}), then {@code exp > now}, {@code iss}, {@code aud} (string or array) and
 * {@code sub}. Nothing derived from the token is cached. Not thread-safe (it holds a {@link SignatureCheck}).
 */
public final class MinimalVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String algorithm;
    private final String kid;
    private final String issuer;
    private final String audience;
    private final SignatureCheck crypto;

    /** With the JDK's crypto ({@code floorPlusParse}). */
    public MinimalVerifier(Fixture fixture) {
        this(fixture, JdkCrypto.forFixture(fixture));
    }

    /** With another signature check over the same bytes ({@code floorPlusParseTink}, {@code floorPlusParseBouncyCastle}). */
    public MinimalVerifier(Fixture fixture, SignatureCheck crypto) {
        this.algorithm = fixture.algorithm;
        this.kid = fixture.kid;
        this.issuer = Fixture.ISSUER;
        this.audience = Fixture.ISSUER;
        this.crypto = crypto;
    }

    /** Verifies {@code token} and returns its payload; throws {@link IllegalArgumentException} if it is invalid. */
    public JsonNode verify(String token) throws IOException {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new IllegalArgumentException("not three parts");
        }
        JsonNode header = MAPPER.readTree(DECODER.decode(token.substring(0, firstDot)));
        if (!algorithm.equals(header.path("alg").textValue())) {
            throw new IllegalArgumentException("alg");
        }
        JsonNode tokenKid = header.get("kid");
        if (kid == null ? tokenKid != null : tokenKid == null || !kid.equals(tokenKid.textValue())) {
            throw new IllegalArgumentException("kid");
        }
        byte[] signingInput = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = DECODER.decode(token.substring(secondDot + 1));
        if (!crypto.verify(signingInput, signature)) {
            throw new IllegalArgumentException("signature");
        }
        JsonNode payload = MAPPER.readTree(DECODER.decode(token.substring(firstDot + 1, secondDot)));
        JsonNode exp = payload.get("exp");
        if (exp == null || !exp.isNumber() || exp.asLong() <= System.currentTimeMillis() / 1000) {
            throw new IllegalArgumentException("exp");
        }
        if (!issuer.equals(payload.path("iss").textValue())) {
            throw new IllegalArgumentException("iss");
        }
        if (!audienceMatches(payload.get("aud"))) {
            throw new IllegalArgumentException("aud");
        }
        JsonNode sub = payload.get("sub");
        if (sub == null || !sub.isTextual() || sub.textValue().isEmpty()) {
            throw new IllegalArgumentException("sub");
        }
        return payload;
    }

    private boolean audienceMatches(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return audience.equals(aud.textValue());
        }
        if (aud.isArray()) {
            for (JsonNode value : aud) {
                if (audience.equals(value.textValue())) {
                    return true;
                }
            }
        }
        return false;
    }
}

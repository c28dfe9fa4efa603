package dev.betterauth4j.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * DPoP proofs (RFC 9449 §4.2) as a client makes them, with the client's key: header {@code {typ: dpop+jwt, alg, jwk}},
 * claims {@code htm, htu, jti, iat} and, for a resource request, {@code ath}. Every header parameter and claim can be
 * changed for hostile cases.
 */
public final class DpopProof {

    private final SigningKey key;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private DpopProof(SigningKey key) {
        this.key = key;
    }

    /** A fresh proof of {@code key} for a request, with a random {@code jti}, issued at {@code now}. */
    public static DpopProof of(SigningKey key, String method, String url, String accessToken, Instant now) {
        DpopProof proof = new DpopProof(key);
        proof.header.put("typ", "dpop+jwt");
        proof.header.put("alg", key.algorithm().getName());
        proof.header.put("jwk", publicJwk(key));
        proof.claims.put("htm", method);
        proof.claims.put("htu", url);
        proof.claims.put("jti", UUID.randomUUID().toString());
        proof.claims.put("iat", now.getEpochSecond());
        if (accessToken != null) {
            proof.claims.put("ath", ath(accessToken));
        }
        return proof;
    }

    /** The key's public JWK as a proof carries it: members only, no {@code kid} or {@code alg}. */
    public static Map<String, Object> publicJwk(SigningKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>(key.publicJwk().toJSONObject());
        jwk.remove("kid");
        jwk.remove("alg");
        return jwk;
    }

    /** The key's RFC 7638 thumbprint, what a bound token's {@code cnf.jkt} holds. */
    public static String thumbprint(SigningKey key) {
        try {
            return key.publicJwk().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** base64url(SHA-256(token)). */
    public static String ath(String accessToken) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DpopProof header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    public DpopProof claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    /** Signed with the proof's own key. */
    public String sign() {
        return signWith(key);
    }

    /** Signed with another key (the header still names the proof's key). */
    public String signWith(SigningKey signer) {
        return TestToken.sign(signer, JSONObjectUtils.toJSONString(header), JSONObjectUtils.toJSONString(claims));
    }
}

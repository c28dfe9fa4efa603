package dev.betterauth4j.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;

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
    private final JwsDraft draft = new JwsDraft();

    private DpopProof(SigningKey key) {
        this.key = key;
    }

    /**
     * A fresh proof of {@code key} for a request, with a random {@code jti}, issued at {@code now}.
     *
     * @param key         the client's key: its public JWK goes into the header, and {@link #sign()} signs with it
     * @param method      the request's method ({@code htm})
     * @param url         the request's URL as the client calls it ({@code htu})
     * @param accessToken the access token sent with it, whose hash becomes {@code ath}; null for a token request
     * @param now         the issue time ({@code iat})
     * @return a new proof, to be changed or signed
     */
    public static DpopProof of(SigningKey key, String method, String url, String accessToken, Instant now) {
        DpopProof proof = new DpopProof(key);
        proof.draft.header("typ", "dpop+jwt");
        proof.draft.header("alg", key.algorithm().getName());
        proof.draft.header("jwk", publicJwk(key));
        proof.draft.claim("htm", method);
        proof.draft.claim("htu", url);
        proof.draft.claim("jti", UUID.randomUUID().toString());
        proof.draft.claim("iat", now.getEpochSecond());
        if (accessToken != null) {
            proof.draft.claim("ath", ath(accessToken));
        }
        return proof;
    }

    /**
     * The key's public JWK as a proof carries it: members only, no {@code kid} or {@code alg}.
     *
     * @param key the client's key
     * @return the JWK's members
     */
    public static Map<String, Object> publicJwk(SigningKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>(key.publicJwk().toJSONObject());
        jwk.remove("kid");
        jwk.remove("alg");
        return jwk;
    }

    /**
     * The key's RFC 7638 thumbprint, what a bound token's {@code cnf.jkt} holds.
     *
     * @param key the client's key
     * @return the SHA-256 thumbprint, base64url
     */
    public static String thumbprint(SigningKey key) {
        try {
            return key.publicJwk().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a proof's {@code ath} holds: base64url(SHA-256(token)).
     *
     * @param accessToken the access token
     * @return the hash, base64url
     */
    public static String ath(String accessToken) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets a header parameter, or removes it when {@code value} is null.
     *
     * @param name  the parameter
     * @param value its value, or null
     * @return this proof
     */
    public DpopProof header(String name, Object value) {
        draft.header(name, value);
        return this;
    }

    /**
     * Sets a claim, or removes it when {@code value} is null.
     *
     * @param name  the claim
     * @param value its value, or null
     * @return this proof
     */
    public DpopProof claim(String name, Object value) {
        if (value == null) {
            draft.without(name);
        } else {
            draft.claim(name, value);
        }
        return this;
    }

    /**
     * Signs with the proof's own key.
     *
     * @return the compact JWS, the {@code DPoP} header's value
     */
    public String sign() {
        return signWith(key);
    }

    /**
     * Signs with another key, while the header still carries the proof's key: a proof that must not verify.
     *
     * @param signer the key that signs
     * @return the compact JWS
     */
    public String signWith(SigningKey signer) {
        return draft.signWith(signer);
    }
}

package dev.betterauth4j.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds tokens shaped exactly like Better Auth's {@code jwt} plugin output: header {@code {alg, kid}} (no typ);
 * payload {@code iat}, the user object's fields, {@code sub}, {@code exp}, {@code iss}, {@code aud}. Any header
 * parameter or claim can be changed, removed or set to a raw value for hostile cases.
 */
public final class TestToken {

    public static final String USER_ID = "Ve1XIXWATTVZdBqFzxjD7Pj3r4eQsZVo";

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private TestToken() {
    }

    /** A token for {@code key}, issued now for 15 minutes by {@code issuer} for {@code issuer}. */
    public static TestToken betterAuth(SigningKey key, String issuer, Instant now) {
        TestToken token = new TestToken();
        token.header.put("alg", key.algorithm().getName());
        if (key.kid() != null) {
            token.header.put("kid", key.kid());
        }
        long iat = now.getEpochSecond();
        token.claims.put("iat", iat);
        token.claims.put("id", USER_ID);
        token.claims.put("createdAt", "2026-11-24T22:18:17.344Z");
        token.claims.put("updatedAt", "2026-11-24T22:18:17.344Z");
        token.claims.put("email", "alice@example.com");
        token.claims.put("emailVerified", false);
        token.claims.put("name", "Alice");
        token.claims.put("sub", USER_ID);
        token.claims.put("exp", iat + 900);
        token.claims.put("iss", issuer);
        token.claims.put("aud", issuer);
        return token;
    }

    /**
     * An OAuth access token shaped exactly like Better Auth's OAuth provider's (interop/better-auth-server/FLOWS.md
     * §3.3): header {@code {typ: at+jwt, alg, kid}}; claims {@code sub, aud, client_id, azp, scope, iss, iat, exp, jti},
     * issued now for an hour, for the client {@link #CLIENT_ID} acting for itself ({@code client_credentials}: no
     * {@code sid}, {@code sub} the client id). {@link #forUser(String, String)} makes it a user's.
     *
     * @param issuer   the provider's issuer, {@code {origin}/api/auth}
     * @param resource the {@code aud}
     */
    public static TestToken accessToken(SigningKey key, String issuer, String resource, Instant now) {
        TestToken token = new TestToken();
        token.header.put("typ", "at+jwt");
        token.header.put("alg", key.algorithm().getName());
        if (key.kid() != null) {
            token.header.put("kid", key.kid());
        }
        long iat = now.getEpochSecond();
        token.claims.put("sub", CLIENT_ID);
        token.claims.put("aud", resource);
        token.claims.put("client_id", CLIENT_ID);
        token.claims.put("azp", CLIENT_ID);
        token.claims.put("scope", "tasks:read tasks:write");
        token.claims.put("iss", issuer);
        token.claims.put("iat", iat);
        token.claims.put("exp", iat + 3600);
        token.claims.put("jti", "DIS-eVHiWc237dbI32P0Bym_5vRys4l6");
        return token;
    }

    /** The OAuth client of {@link #accessToken}. */
    public static final String CLIENT_ID = "interop-client";

    /** Makes an access token a user's, as the authorization code grant issues it: {@code sub} and {@code sid}. */
    public TestToken forUser(String userId, String sessionId) {
        claims.put("sub", userId);
        claims.put("sid", sessionId);
        return this;
    }

    public TestToken header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    public TestToken claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TestToken without(String claim) {
        claims.remove(claim);
        return this;
    }

    public String headerJson() {
        return JSONObjectUtils.toJSONString(header);
    }

    public String payloadJson() {
        return JSONObjectUtils.toJSONString(claims);
    }

    public String signWith(SigningKey key) {
        return sign(key, headerJson(), payloadJson());
    }

    /** Signs arbitrary header and payload text with {@code key} (the header's own alg is not consulted). */
    public static String sign(SigningKey key, String headerJson, String payloadJson) {
        String signingInput = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Base64URL signature = key.signer().sign(new JWSHeader(key.algorithm()),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

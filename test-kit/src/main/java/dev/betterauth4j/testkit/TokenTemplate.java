package dev.betterauth4j.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The header and claims of a token exactly as a Better Auth server issues it, in the order Better Auth writes them:
 * what a {@link TestToken} starts from before a test changes it. Both maps are unmodifiable; the token edits copies.
 *
 * @param header the JOSE header's parameters, in Better Auth's order
 * @param claims the payload's claims, in Better Auth's order
 */
record TokenTemplate(Map<String, Object> header, Map<String, Object> claims) {

    /** The default user's {@code createdAt} and {@code updatedAt}: any date will do, in Better Auth's format. */
    private static final String USER_CREATED_AT = "2026-11-24T22:18:17.344Z";

    /** The {@code jti} of the sample access token in FLOWS.md §3.3, in the provider's format. */
    private static final String ACCESS_TOKEN_ID = "DIS-eVHiWc237dbI32P0Bym_5vRys4l6";

    /** Unmodifiable views, which keep the insertion order the maps were built in. */
    TokenTemplate {
        header = Collections.unmodifiableMap(header);
        claims = Collections.unmodifiableMap(claims);
    }

    /**
     * The {@code jwt} plugin's token: header {@code {alg, kid}} (no {@code typ}); {@code iat}, the user object's
     * fields, {@code sub}, {@code exp} ({@code iat} + {@link TestToken#LIFETIME}), and the issuer as both {@code iss}
     * and {@code aud}.
     */
    static TokenTemplate jwtPlugin(SigningKey key, String issuer, Instant now) {
        Objects.requireNonNull(key, "key");
        long iat = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", iat);
        claims.put("id", TestToken.USER_ID);
        claims.put("createdAt", USER_CREATED_AT);
        claims.put("updatedAt", USER_CREATED_AT);
        claims.put("email", TestToken.EMAIL);
        claims.put("emailVerified", false);
        claims.put("name", TestToken.NAME);
        claims.put("sub", TestToken.USER_ID);
        claims.put("exp", iat + TestToken.LIFETIME.toSeconds());
        claims.put("iss", issuer);
        claims.put("aud", issuer);
        return new TokenTemplate(header(null, key), claims);
    }

    /**
     * The OAuth provider's access token (FLOWS.md §3.3): header {@code {typ: at+jwt, alg, kid}}; a
     * {@code client_credentials} token of {@link TestToken#CLIENT_ID} for {@code resource}, valid for an hour (the
     * provider's default).
     */
    static TokenTemplate oauthAccessToken(SigningKey key, String issuer, String resource, Instant now) {
        Objects.requireNonNull(key, "key");
        long iat = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", TestToken.CLIENT_ID);
        claims.put("aud", resource);
        claims.put("client_id", TestToken.CLIENT_ID);
        claims.put("azp", TestToken.CLIENT_ID);
        claims.put("scope", "tasks:read tasks:write");
        claims.put("iss", issuer);
        claims.put("iat", iat);
        claims.put("exp", iat + 3600);
        claims.put("jti", ACCESS_TOKEN_ID);
        return new TokenTemplate(header("at+jwt", key), claims);
    }

    /** {@code {typ, alg, kid}} as far as they apply: no {@code typ} when null, no {@code kid} for an HMAC secret. */
    private static Map<String, Object> header(String typ, SigningKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (typ != null) {
            header.put("typ", typ);
        }
        header.put("alg", key.algorithm().getName());
        if (key.kid() != null) {
            header.put("kid", key.kid());
        }
        return header;
    }
}

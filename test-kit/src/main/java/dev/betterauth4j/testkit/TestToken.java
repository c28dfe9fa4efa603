package dev.betterauth4j.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A token shaped exactly like the output of Better Auth's {@code jwt} plugin, to be changed and signed.
 *
 * <p>Header {@code {"alg", "kid"}} (no {@code typ}); payload in Better Auth's order: {@code iat}, the user object's
 * fields ({@code id}, {@code createdAt}, {@code updatedAt}, {@code email}, {@code emailVerified}, {@code name}),
 * {@code sub}, {@code exp} ({@code iat} + 15 minutes, the plugin's default), {@code iss} and {@code aud} (both the
 * issuer, as Better Auth sets them from its base URL). The user is {@value #USER_ID}, {@value #EMAIL}.
 *
 * <pre>{@code
 * String token = betterAuth.token(key)                 // or TestToken.betterAuth(key, issuer)
 *         .subject("user-42").email("bob@example.com")
 *         .claim("role", "admin")                      // an additional user field
 *         .sign();
 * String expired = betterAuth.token(key).expired().sign();
 * String forAnotherApi = betterAuth.token(key).audience("https://other.example.com").sign();
 * }</pre>
 *
 * <p>Every setter returns this token, so calls chain. Any header parameter or claim can be set, removed or given a
 * value of the wrong type ({@link #header(String, Object)}, {@link #claim(String, Object)}, {@link #without(String)})
 * for tests of hostile input. A token is mutable and not thread-safe; make one per test.
 */
public final class TestToken {

    /** The default user's ID ({@code sub} and {@code id}): a 32-character ID as Better Auth generates them. */
    public static final String USER_ID = "Ve1XIXWATTVZdBqFzxjD7Pj3r4eQsZVo";

    /** The default user's email address. */
    public static final String EMAIL = "alice@example.com";

    /** The default user's name. */
    public static final String NAME = "Alice";

    /** The token lifetime Better Auth's {@code jwt} plugin uses by default ({@code expirationTime: "15m"}). */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /**
     * How far {@link #expired()} and {@link #notYetValid()} move the token's times: further than the largest clock
     * skew a verifier accepts (auth-core allows at most 5 minutes).
     */
    public static final Duration BEYOND_CLOCK_SKEW = Duration.ofMinutes(10);

    /** The audience {@link #wrongAudience()} sets: a reserved domain no application is ever configured for. */
    public static final String WRONG_AUDIENCE = "https://another-application.invalid";

    /** The issuer {@link #wrongIssuer()} sets. */
    public static final String WRONG_ISSUER = "https://another-better-auth.invalid";

    private final JwsDraft draft;
    private final SigningKey key;
    private final Instant now;

    private TestToken(SigningKey key, Instant now, TokenTemplate template) {
        this.draft = new JwsDraft(template.header(), template.claims());
        this.key = key;
        this.now = now;
    }

    /**
     * A token for {@code key}, issued now for 15 minutes by {@code issuer} for {@code issuer}.
     *
     * @param key    the key whose algorithm and {@code kid} the header names, and that {@link #sign()} uses
     * @param issuer the Better Auth base URL (its origin), which Better Auth puts in {@code iss} and {@code aud}
     * @return a new token
     */
    public static TestToken betterAuth(SigningKey key, String issuer) {
        return betterAuth(key, issuer, Instant.now());
    }

    /**
     * A token for {@code key}, issued at {@code now} for 15 minutes by {@code issuer} for {@code issuer}: for tests
     * that run a verifier on a fixed clock.
     *
     * @param key    the key whose algorithm and {@code kid} the header names, and that {@link #sign()} uses
     * @param issuer the Better Auth base URL (its origin), which Better Auth puts in {@code iss} and {@code aud}
     * @param now    the issue time ({@code iat}); {@code exp} is 15 minutes later
     * @return a new token
     */
    public static TestToken betterAuth(SigningKey key, String issuer, Instant now) {
        return new TestToken(key, now, TokenTemplate.jwtPlugin(key, issuer, now));
    }

    /** The OAuth client of {@link #accessToken}: the confidential client of the interop server. */
    public static final String CLIENT_ID = "interop-client";

    /**
     * An OAuth access token shaped exactly like Better Auth's OAuth provider's (interop/better-auth-server/FLOWS.md
     * §3.3): header {@code {typ: at+jwt, alg, kid}}; claims {@code sub, aud, client_id, azp, scope, iss, iat, exp,
     * jti}, issued at {@code now} for an hour (the provider's default), for the client {@link #CLIENT_ID} acting for
     * itself ({@code client_credentials}: {@code sub} the client id, no {@code sid}) with the scopes
     * {@code tasks:read tasks:write}. {@link #forUser(String, String)} makes it a user's.
     *
     * @param key      the key whose algorithm and {@code kid} the header names, and that {@link #sign()} uses
     * @param issuer   the provider's issuer, {@code {origin}/api/auth}
     * @param resource the resource the token is for, its {@code aud}
     * @param now      the issue time ({@code iat}); {@code exp} is an hour later
     * @return a new token
     */
    public static TestToken accessToken(SigningKey key, String issuer, String resource, Instant now) {
        return new TestToken(key, now, TokenTemplate.oauthAccessToken(key, issuer, resource, now));
    }

    /**
     * Makes an access token a user's, as the authorization code grant issues it: the user as {@code sub} and their
     * Better Auth session as {@code sid}.
     *
     * @param userId    the user's id
     * @param sessionId the session's id
     * @return this token
     */
    public TestToken forUser(String userId, String sessionId) {
        claim("sub", userId);
        return claim("sid", sessionId);
    }

    /**
     * The user: sets {@code sub} and the user object's {@code id}, which Better Auth always sets to the same value.
     *
     * @param userId the user's ID
     * @return this token
     */
    public TestToken subject(String userId) {
        claim("sub", userId);
        return claim("id", userId);
    }

    /**
     * The user's email address ({@code email}).
     *
     * @param email the address
     * @return this token
     */
    public TestToken email(String email) {
        return claim("email", email);
    }

    /**
     * Whether the user's email address is verified ({@code emailVerified}).
     *
     * @param verified the flag
     * @return this token
     */
    public TestToken emailVerified(boolean verified) {
        return claim("emailVerified", verified);
    }

    /**
     * The user's display name ({@code name}).
     *
     * @param name the name
     * @return this token
     */
    public TestToken name(String name) {
        return claim("name", name);
    }

    /**
     * The user's picture ({@code image}); Better Auth leaves it out when the user has none.
     *
     * @param url the picture's URL
     * @return this token
     */
    public TestToken image(String url) {
        return claim("image", url);
    }

    /**
     * The issuer ({@code iss}).
     *
     * @param issuer the issuer
     * @return this token
     */
    public TestToken issuer(String issuer) {
        return claim("iss", issuer);
    }

    /**
     * The audience ({@code aud}): one value as a string, as Better Auth writes it, several as an array (Better Auth's
     * {@code jwt.audience} option may be an array).
     *
     * @param audiences one or more audiences
     * @return this token
     */
    public TestToken audience(String... audiences) {
        if (audiences.length == 0) {
            throw new IllegalArgumentException("At least one audience; use without(\"aud\") for none");
        }
        return claim("aud", audiences.length == 1 ? audiences[0] : List.of(audiences));
    }

    /**
     * The issue time ({@code iat}); the expiry stays where it is.
     *
     * @param issuedAt the issue time, in whole seconds
     * @return this token
     */
    public TestToken issuedAt(Instant issuedAt) {
        return claim("iat", issuedAt.getEpochSecond());
    }

    /**
     * The expiry ({@code exp}).
     *
     * @param expiresAt the expiry, in whole seconds
     * @return this token
     */
    public TestToken expiresAt(Instant expiresAt) {
        return claim("exp", expiresAt.getEpochSecond());
    }

    /**
     * An expired token: issued an hour before the token's time and expired {@link #BEYOND_CLOCK_SKEW} before it, so
     * no allowed clock skew makes it valid.
     *
     * @return this token
     */
    public TestToken expired() {
        issuedAt(now.minus(Duration.ofHours(1)));
        return expiresAt(now.minus(BEYOND_CLOCK_SKEW));
    }

    /**
     * A token not valid yet: issued and valid from ({@code nbf}) {@link #BEYOND_CLOCK_SKEW} after the token's time.
     *
     * @return this token
     */
    public TestToken notYetValid() {
        Instant later = now.plus(BEYOND_CLOCK_SKEW);
        issuedAt(later);
        claim("nbf", later.getEpochSecond());
        return expiresAt(later.plus(LIFETIME));
    }

    /**
     * A token for another application: {@code aud} is {@link #WRONG_AUDIENCE}.
     *
     * @return this token
     */
    public TestToken wrongAudience() {
        return audience(WRONG_AUDIENCE);
    }

    /**
     * A token from another Better Auth server: {@code iss} is {@link #WRONG_ISSUER}.
     *
     * @return this token
     */
    public TestToken wrongIssuer() {
        return issuer(WRONG_ISSUER);
    }

    /**
     * Sets a header parameter, or removes it when {@code value} is {@code null}.
     *
     * @param name  the parameter, such as {@code kid} or {@code typ}
     * @param value its value (a string, number, boolean, list or map), or {@code null} to remove it
     * @return this token
     */
    public TestToken header(String name, Object value) {
        draft.header(name, value);
        return this;
    }

    /**
     * Sets a claim: a standard one, a user field, or an additional field such as {@code role}. A {@code null} value
     * is written as JSON {@code null}; use {@link #without(String)} to remove a claim.
     *
     * @param name  the claim
     * @param value its value: a string, number, boolean, list or map (JSON types), or {@code null}
     * @return this token
     */
    public TestToken claim(String name, Object value) {
        draft.claim(name, value);
        return this;
    }

    /**
     * Removes a claim.
     *
     * @param claim the claim, such as {@code exp}
     * @return this token
     */
    public TestToken without(String claim) {
        draft.without(claim);
        return this;
    }

    /**
     * The claims as they stand, in payload order.
     *
     * @return an unmodifiable view
     */
    public Map<String, Object> claims() {
        return draft.claims();
    }

    /**
     * The header as JSON.
     *
     * @return the header's JSON text
     */
    public String headerJson() {
        return draft.headerJson();
    }

    /**
     * The payload as JSON.
     *
     * @return the payload's JSON text
     */
    public String payloadJson() {
        return draft.payloadJson();
    }

    /**
     * Signs with the key the token was made for.
     *
     * @return the compact JWS, {@code header.payload.signature}
     */
    public String sign() {
        return signWith(key);
    }

    /**
     * Signs with {@code key}, whatever the header says: another key gives a token whose signature does not verify.
     *
     * @param key the key that signs
     * @return the compact JWS, {@code header.payload.signature}
     */
    public String signWith(SigningKey key) {
        return draft.signWith(key);
    }

    /**
     * Signs with a new key of the same algorithm and {@code kid} that no key set publishes: a forged token, whose
     * signature does not verify. Not for HMAC secrets.
     *
     * @return the compact JWS, {@code header.payload.signature}
     * @throws IllegalStateException if the token was made for an HMAC secret
     */
    public String signWithUnpublishedKey() {
        if (key.publicJwk() == null) {
            throw new IllegalStateException("For an HMAC token, sign with SigningKey.hmac(anotherSecret)");
        }
        return signWith(SigningKey.fresh(key.algorithm().getName(), key.kid()));
    }

    /**
     * Signs arbitrary header and payload text with {@code key} (the header's own {@code alg} is not consulted): for
     * tokens no builder would make, such as duplicate claims or malformed JSON.
     *
     * @param key         the key that signs
     * @param headerJson  the header's text
     * @param payloadJson the payload's text
     * @return the compact JWS, {@code base64url(header).base64url(payload).signature}
     */
    public static String sign(SigningKey key, String headerJson, String payloadJson) {
        return CompactJws.sign(key, headerJson, payloadJson);
    }

    /**
     * Base64url-encodes text (UTF-8, no padding), as a JWS encodes its header and payload.
     *
     * @param json the text
     * @return its base64url encoding
     */
    public static String encode(String json) {
        return CompactJws.encode(json);
    }

    /**
     * The header and payload, for test failure messages (no signature: nothing here is secret).
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "TestToken[" + headerJson() + " " + payloadJson() + "]";
    }
}

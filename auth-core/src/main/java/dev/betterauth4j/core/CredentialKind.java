package dev.betterauth4j.core;

/**
 * The kinds of Better Auth credential this library verifies. Each has its own profile, and each profile refuses the
 * other kinds' tokens even when one key signed them all.
 */
public enum CredentialKind {

    /**
     * A token of Better Auth's {@code jwt} plugin ({@code GET /api/auth/token}, the {@code set-auth-jwt} header), or
     * another JWT signed with the shared secret, verified with the key set or the secret.
     */
    JWT,

    /**
     * A Better Auth session token: the {@code session_token} cookie, or the {@code bearer} plugin's
     * {@code Authorization: Bearer token.signature}, resolved by Better Auth's {@code get-session}.
     */
    SESSION,

    /**
     * A Better Auth session verified from its cookie cache ({@code session_data}, in any of Better Auth's strategies),
     * paired with its {@code session_token} cookie, with no call to Better Auth.
     */
    SESSION_COOKIE_CACHE,

    /**
     * An OAuth 2.1 access token of Better Auth's OAuth provider ({@code @better-auth/oauth-provider}, also behind
     * {@code @better-auth/mcp}) for this API's resource: a JWT with {@code typ: at+jwt} (RFC 9068) verified with the key
     * set, or an opaque token resolved by introspection (RFC 7662); either may be DPoP-bound (RFC 9449).
     */
    ACCESS_TOKEN
}

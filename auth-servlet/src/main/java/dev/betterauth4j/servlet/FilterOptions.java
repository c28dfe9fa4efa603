package dev.betterauth4j.servlet;

import dev.betterauth4j.core.BetterAuthVerifier;

/**
 * A filter's options, checked and fixed once built (see {@link FilterSettings} for each one's meaning and bounds).
 *
 * @param verifier    verifies the credentials
 * @param publicPaths the paths that pass without credentials
 * @param optional    whether a request without credentials passes as anonymous
 * @param credentials where credentials are looked for
 * @param roles       the claim {@code isUserInRole} reads
 * @param refusals    how refusals are answered
 * @param listener    who hears every decision
 * @param scopes      the scopes requests need
 * @param publicUrl   where clients see the application, for DPoP proofs
 * @param metadata    the protected-resource metadata served, or null when the verifier accepts no access tokens
 */
record FilterOptions(BetterAuthVerifier verifier, PublicPaths publicPaths, boolean optional,
                     CredentialResolver credentials, RoleClaim roles, RefusalWriter refusals,
                     GuardedListener listener, ScopeRules scopes, PublicUrl publicUrl,
                     ProtectedResourceMetadata metadata) {

    @Override
    public String toString() {
        return "BetterAuthFilter[" + verifier + ", publicPaths=" + publicPaths + ", optional=" + optional
                + ", cookie=" + credentials.cookieName() + (credentials.sessionCookieNames().isEmpty() ? ""
                : ", sessionCookies=" + credentials.sessionCookieNames()) + ", realm=" + refusals.realm()
                + (scopes.isEmpty() ? "" : ", requiredScopes=" + scopes)
                + (metadata == null ? "" : ", resourceMetadata=" + metadata + ", publicUrl=" + publicUrl) + "]";
    }
}

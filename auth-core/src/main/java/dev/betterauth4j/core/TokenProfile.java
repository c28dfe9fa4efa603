package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;

import java.util.Locale;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.WRONG_TOKEN_TYPE;

/**
 * What one kind of JWT must say beyond a valid signature: its {@code typ} header and its claims. One key may sign every
 * kind Better Auth issues (plugin tokens, session-cache cookies, access tokens, ID tokens, logout tokens), so each kind
 * the library accepts has its own profile, and only {@code typ}, {@code iss} and {@code aud} tell them apart.
 *
 * @param kind         the kind of credential a token of this profile is
 * @param types        the accepted {@code typ} values, lower case
 * @param typeOptional whether a token without {@code typ} is accepted
 * @param claims       the claim rules
 */
record TokenProfile(CredentialKind kind, Set<String> types, boolean typeOptional, ClaimsValidator claims) {

    /**
     * Better Auth's {@code jwt} plugin sends no {@code typ}; a remote signer may send {@code JWT}. Never
     * {@code at+jwt}: an OAuth access token is the access-token profile's, and only for the configured resource.
     */
    static final Set<String> PLUGIN_TOKEN_TYPES = Set.of("jwt", "application/jwt");

    /** RFC 9068 §2.1: an access token says {@code at+jwt} (Better Auth's OAuth provider does). */
    static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");

    TokenProfile {
        types = Set.copyOf(types);
    }

    /** Whether the header's {@code typ} is one this profile accepts. */
    boolean acceptsType(JWSHeader header) {
        JOSEObjectType type = header.getType();
        return type == null ? typeOptional : types.contains(type.getType().toLowerCase(Locale.ROOT));
    }

    void checkType(JWSHeader header) throws TokenVerificationException {
        if (!acceptsType(header)) {
            throw new TokenVerificationException(WRONG_TOKEN_TYPE, kind == CredentialKind.ACCESS_TOKEN
                    ? "The token is not an OAuth access token (its typ header must be at+jwt)"
                    : "The token is not accepted here (its typ header names another kind of token)");
        }
    }
}

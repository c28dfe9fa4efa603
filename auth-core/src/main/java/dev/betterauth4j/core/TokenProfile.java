package dev.betterauth4j.core;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;

import java.util.Locale;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.WRONG_TOKEN_TYPE;

/**
 * What one kind of JWT must say beyond a valid signature: its {@code typ} header and its claims. One key may sign every
 * kind Better Auth issues (plugin tokens, session-cache cookies, access tokens, ID tokens), so each kind the library
 * accepts has its own profile, and only {@code typ}, {@code iss} and {@code aud} tell them apart.
 *
 * @param kind         the kind of credential a token of this profile is
 * @param types        the accepted {@code typ} values, lower case
 * @param typeOptional whether a token without {@code typ} is accepted
 * @param claims       the claim rules
 */
record TokenProfile(CredentialKind kind, Set<String> types, boolean typeOptional, ClaimsValidator claims) {

    /**
     * Better Auth's {@code jwt} plugin sends no {@code typ}; a remote signer may send {@code JWT}. The RFC 9068
     * access-token types are accepted too, as they always have been for this profile.
     */
    static final Set<String> PLUGIN_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/jwt", "application/at+jwt");

    TokenProfile {
        types = Set.copyOf(types);
    }

    void checkType(JWSHeader header) throws TokenVerificationException {
        JOSEObjectType type = header.getType();
        boolean accepted = type == null ? typeOptional : types.contains(type.getType().toLowerCase(Locale.ROOT));
        if (!accepted) {
            throw new TokenVerificationException(WRONG_TOKEN_TYPE, "The token is not an access token (its typ"
                    + " header names another kind of token)");
        }
    }
}

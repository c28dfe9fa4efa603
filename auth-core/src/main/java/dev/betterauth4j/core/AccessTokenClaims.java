package dev.betterauth4j.core;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;

/**
 * What an OAuth access token of Better Auth's OAuth provider says beyond the registered claims, read the same way from
 * a verified {@code at+jwt} payload and from an active introspection answer (which carries the same claims):
 *
 * <ul>
 *   <li>{@code scope}: RFC 6749 §3.3 scope tokens separated by single spaces; absent means none. Anything else (not a
 *       string, empty, a double space, a character outside {@code %x21 / %x23-5B / %x5D-7E}) makes the whole token
 *       {@code MALFORMED} (RFC 6750 {@code invalid_token}), as in Better Auth's own resource-server helper;</li>
 *   <li>{@code client_id}, else {@code azp}: the client the token was issued to;</li>
 *   <li>{@code sid}: the Better Auth session of a user's token;</li>
 *   <li>{@code cnf}: the DPoP binding ({@link #boundKey}).</li>
 * </ul>
 *
 * <p><b>Who the subject is.</b> Better Auth's {@code client_credentials} grant issues tokens whose {@code sub} is the
 * client id (JWT) or that have no {@code sub} at all (opaque, introspected), and never a {@code sid}; a user's token
 * has the user id as {@code sub}. So: a token without {@code sub}, or whose {@code sub} equals its client id, is the
 * client's ({@link SubjectType#CLIENT}, {@link AuthenticatedUser#id()} the client id, no user id); any other token is a
 * user's. The rule errs on the safe side: a token can only ever lose a user, never gain one.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    static AuthenticatedUser user(Map<String, Object> claims, String subject, String issuer, List<String> audience,
                                  Instant issuedAt, Instant expiresAt) throws TokenVerificationException {
        Set<String> scopes = scopes(claims.get("scope"));
        String clientId = ClaimsValidator.string(claims, "client_id");
        String authorizedParty = ClaimsValidator.string(claims, "azp");
        String client = clientId != null && !clientId.isEmpty() ? clientId : authorizedParty;
        String sessionId = ClaimsValidator.string(claims, "sid");
        ClaimsValidator.string(claims, "jti");
        boundKey(claims);
        boolean clientsOwn = subject == null || subject.isEmpty() || subject.equals(client);
        String id = clientsOwn ? client : subject;
        if (id == null || id.isEmpty()) {
            throw ClaimsValidator.missing("sub");
        }
        return new AuthenticatedUser(id, ClaimsValidator.string(claims, "email"),
                ClaimsValidator.string(claims, "name"), Boolean.TRUE.equals(ClaimsValidator.bool(claims,
                "emailVerified")), ClaimsValidator.string(claims, "image"), issuer, audience, issuedAt, expiresAt,
                claims, CredentialKind.ACCESS_TOKEN, clientsOwn ? SubjectType.CLIENT : SubjectType.USER, sessionId,
                client, scopes);
    }

    /**
     * The RFC 7638 thumbprint a DPoP-bound token is bound to ({@code cnf.jkt}, RFC 9449 §6), or null for a token that
     * is not bound. A {@code cnf} this library cannot check (another confirmation method, such as mTLS's
     * {@code x5t#S256}) is refused rather than ignored: the token is bound to something nobody here verifies.
     *
     * @throws TokenVerificationException {@code MALFORMED} for a {@code cnf} that is not an object with a {@code jkt}
     *                                    string
     */
    static String boundKey(Map<String, Object> claims) throws TokenVerificationException {
        Object confirmation = claims.get("cnf");
        if (confirmation == null) {
            return null;
        }
        if (!(confirmation instanceof Map<?, ?> cnf) || !(cnf.get("jkt") instanceof String jkt) || jkt.isEmpty()) {
            throw new TokenVerificationException(MALFORMED, "The token is bound by a confirmation (cnf) other than a"
                    + " DPoP key thumbprint, which this verifier cannot check");
        }
        return jkt;
    }

    /** The granted scopes of a {@code scope} claim, see the class comment. */
    static Set<String> scopes(Object scope) throws TokenVerificationException {
        if (scope == null) {
            return Set.of();
        }
        if (!(scope instanceof String text) || text.isEmpty()) {
            throw invalidScope();
        }
        Set<String> scopes = new LinkedHashSet<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = text.length();
            }
            if (end == start || !isScopeToken(text, start, end)) {
                throw invalidScope();
            }
            scopes.add(text.substring(start, end));
            start = end + 1;
        }
        return scopes;
    }

    /** RFC 6749 §3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
    static boolean isScopeToken(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static TokenVerificationException invalidScope() {
        return new TokenVerificationException(MALFORMED, "The token's 'scope' claim is not a list of scopes separated"
                + " by single spaces");
    }
}

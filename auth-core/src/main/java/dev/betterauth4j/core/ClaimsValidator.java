package dev.betterauth4j.core;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.betterauth4j.core.TokenVerificationException.Reason.EXPIRED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MALFORMED;
import static dev.betterauth4j.core.TokenVerificationException.Reason.MISSING_CLAIM;
import static dev.betterauth4j.core.TokenVerificationException.Reason.NOT_YET_VALID;
import static dev.betterauth4j.core.TokenVerificationException.Reason.WRONG_AUDIENCE;
import static dev.betterauth4j.core.TokenVerificationException.Reason.WRONG_ISSUER;

/**
 * Parses a verified payload and checks its claims; the result is the {@link AuthenticatedUser}.
 *
 * <p>Checks, in order: the payload is a JSON object (duplicate names are refused by Nimbus' strict parser)
 * within the size and nesting bounds; the registered claims and Better Auth's user fields have their JSON
 * types; {@code sub}, {@code exp}, {@code iss} and {@code aud} are present; {@code exp} is not past and
 * {@code nbf}/{@code iat} are not in the future, each with the clock skew; {@code iss} equals the expected
 * issuer; one {@code aud} value is an accepted audience.
 */
final class ClaimsValidator {

    /** Better Auth's payload has about a dozen claims plus additional user fields. */
    static final int MAX_CLAIMS = 256;
    /** Objects and arrays may nest this deep inside a claim value. */
    static final int MAX_DEPTH = 16;
    /** NumericDate values beyond 9999-12-31T23:59:59Z are not dates. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private final CredentialKind kind;
    private final String issuer;
    private final Set<String> audiences;
    /** The issuer and the audiences: a payload's equal strings are replaced by these instances. */
    private final List<String> expectedStrings;
    /** A one-element audience list per accepted audience, shared by every user whose token names just that one. */
    private final Map<String, List<String>> singleAudiences;
    private final long skewMillis;
    private final Clock clock;
    /** An introspection answer rather than a JWT: a client's token may have no {@code sub}. */
    private final boolean introspected;
    /** Whether an introspection answer without {@code aud} is accepted (off by default: fail closed). */
    private final boolean acceptMissingAudience;

    ClaimsValidator(CredentialKind kind, String issuer, Set<String> audiences, Duration skew, Clock clock) {
        this(kind, issuer, audiences, skew, clock, false, false);
    }

    private ClaimsValidator(CredentialKind kind, String issuer, Set<String> audiences, Duration skew, Clock clock,
                            boolean introspected, boolean acceptMissingAudience) {
        this.kind = kind;
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        List<String> expected = new ArrayList<>(List.of(issuer));
        expected.addAll(audiences);
        this.expectedStrings = List.copyOf(expected);
        Map<String, List<String>> lists = new HashMap<>();
        for (String audience : audiences) {
            lists.put(audience, List.of(audience));
        }
        this.singleAudiences = Map.copyOf(lists);
        this.skewMillis = skew.toMillis();
        this.clock = clock;
        this.introspected = introspected;
        this.acceptMissingAudience = acceptMissingAudience;
    }

    /**
     * The rules for an active introspection answer (RFC 7662), the claims of an opaque access token: those of a JWT
     * access token, except that a client's own token may have no {@code sub} (its {@code client_id} is the subject) and,
     * with {@code acceptMissingAudience}, no {@code aud}.
     */
    static ClaimsValidator introspection(String issuer, String resource, Duration skew, Clock clock,
                                         boolean acceptMissingAudience) {
        return new ClaimsValidator(CredentialKind.ACCESS_TOKEN, issuer, Set.of(resource), skew, clock, true,
                acceptMissingAudience);
    }

    /** Validates the claims of a payload part (base64url-encoded JSON) whose signature already verified. */
    AuthenticatedUser validate(String payload) throws TokenVerificationException {
        return validateClaims(parse(payload, expectedStrings));
    }

    /** Validates claims already parsed and frozen (see {@link #frozen}). */
    AuthenticatedUser validateClaims(Map<String, Object> claims) throws TokenVerificationException {
        String subject = string(claims, "sub");
        Long expiresAt = numericDate(claims, "exp");
        Long notBefore = numericDate(claims, "nbf");
        Long issuedAt = numericDate(claims, "iat");
        String tokenIssuer = string(claims, "iss");
        List<String> tokenAudience = audience(claims);
        String email = string(claims, "email");
        String name = string(claims, "name");
        String image = string(claims, "image");
        Boolean emailVerified = bool(claims, "emailVerified");

        if ((subject == null || subject.isEmpty()) && !introspected) {
            throw missing("sub");
        }
        if (expiresAt == null) {
            throw missing("exp");
        }
        if (tokenIssuer == null) {
            throw missing("iss");
        }
        if (tokenAudience.isEmpty() && !(introspected && acceptMissingAudience)) {
            throw missing("aud");
        }

        long now = clock.millis();
        if (expiresAt * 1000 + skewMillis <= now) {
            throw new TokenVerificationException(EXPIRED, "The token has expired");
        }
        if (notBefore != null && notBefore * 1000 - skewMillis > now) {
            throw new TokenVerificationException(NOT_YET_VALID, "The token is not valid yet (nbf)");
        }
        if (issuedAt != null && issuedAt * 1000 - skewMillis > now) {
            throw new TokenVerificationException(NOT_YET_VALID, "The token was issued in the future (iat)");
        }
        if (!issuer.equals(tokenIssuer)) {
            throw new TokenVerificationException(WRONG_ISSUER, "The token was issued by an unexpected issuer");
        }
        if (!tokenAudience.isEmpty() && !anyAccepted(tokenAudience)) {
            throw new TokenVerificationException(WRONG_AUDIENCE, "The token is not meant for this audience");
        }

        if (kind == CredentialKind.ACCESS_TOKEN) {
            return AccessTokenClaims.user(claims, subject, tokenIssuer, tokenAudience,
                    issuedAt == null ? null : Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(expiresAt));
        }
        return new AuthenticatedUser(subject, email, name, Boolean.TRUE.equals(emailVerified), image,
                tokenIssuer, tokenAudience,
                issuedAt == null ? null : Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt), claims, kind, SubjectType.USER, null, null, Set.of());
    }

    private static Map<String, Object> parse(String payload, List<String> expectedStrings)
            throws TokenVerificationException {
        Map<String, Object> claims;
        try {
            claims = JSONObjectUtils.parse(Base64UrlParts.decodeToString(payload));
        } catch (ParseException | RuntimeException e) {
            throw new TokenVerificationException(MALFORMED, "The token payload is not a JSON object");
        }
        if (claims == null) {
            throw new TokenVerificationException(MALFORMED, "The token payload is not a JSON object");
        }
        if (claims.size() > MAX_CLAIMS) {
            throw new TokenVerificationException(MALFORMED, "The token payload has too many claims");
        }
        try {
            return FrozenJson.freezeClaims(claims, MAX_DEPTH, expectedStrings);
        } catch (FrozenJson.TooDeep e) {
            throw new TokenVerificationException(MALFORMED, "The token payload is nested too deeply");
        }
    }

    /**
     * An immutable copy of {@code json}; throws if objects and arrays nest deeper than {@link #MAX_DEPTH}. The copy
     * stops at that depth, so hostile JSON cannot exhaust the stack here.
     */
    static Map<String, Object> frozen(Map<String, Object> json, String what) throws TokenVerificationException {
        try {
            return FrozenJson.freeze(json, MAX_DEPTH);
        } catch (FrozenJson.TooDeep e) {
            throw new TokenVerificationException(MALFORMED, "The token " + what + " is nested too deeply");
        }
    }

    /**
     * Throws if objects and arrays in {@code json} nest deeper than {@link #MAX_DEPTH}. The bounded walk is the one
     * {@link #frozen} does, its copy dropped: headers come here once per distinct header text, so it costs little.
     */
    static void checkDepth(Map<String, Object> json, String what) throws TokenVerificationException {
        frozen(json, what);
    }

    static String string(Map<String, Object> claims, String name) throws TokenVerificationException {
        Object value = claims.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongType(name, "a string");
    }

    static Boolean bool(Map<String, Object> claims, String name) throws TokenVerificationException {
        Object value = claims.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(name, "a boolean");
    }

    /** A NumericDate in whole seconds (fractions are truncated, as RFC 7519 allows them). */
    private static Long numericDate(Map<String, Object> claims, String name) throws TokenVerificationException {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Long seconds) {
            if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
                throw wrongType(name, "a date between 1970 and 9999");
            }
            return seconds;
        }
        if (value instanceof Double seconds) {
            if (!(seconds >= 0 && seconds <= MAX_EPOCH_SECOND)) {
                throw wrongType(name, "a date between 1970 and 9999");
            }
            return (long) Math.floor(seconds);
        }
        throw wrongType(name, "a number of seconds");
    }

    private List<String> audience(Map<String, Object> claims) throws TokenVerificationException {
        Object value = claims.get("aud");
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            List<String> shared = singleAudiences.get(single);
            return shared != null ? shared : List.of(single);
        }
        if (value instanceof List<?> values) {
            for (Object element : values) {
                if (!(element instanceof String)) {
                    throw wrongType("aud", "a string or an array of strings");
                }
            }
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) values;
            return List.copyOf(strings);
        }
        throw wrongType("aud", "a string or an array of strings");
    }

    private boolean anyAccepted(List<String> tokenAudience) {
        for (String value : tokenAudience) {
            if (audiences.contains(value)) {
                return true;
            }
        }
        return false;
    }

    static TokenVerificationException missing(String claim) {
        return new TokenVerificationException(MISSING_CLAIM, "The token has no '" + claim + "' claim");
    }

    static TokenVerificationException wrongType(String claim, String expected) {
        return new TokenVerificationException(MALFORMED, "The token's '" + claim + "' claim must be " + expected);
    }
}

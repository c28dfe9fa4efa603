package dev.betterauth4j.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a verified Better Auth credential speaks for, and what the credential says: the same fields whatever the
 * {@linkplain #credential() kind of credential}.
 *
 * <p>Better Auth's {@code jwt} plugin puts the user object's fields at the top level of the payload
 * ({@code id, email, name, emailVerified, image, createdAt, updatedAt} and any additional user fields), next
 * to {@code sub, iat, exp, iss, aud}. This record maps the ones every backend needs and keeps every claim in
 * {@link #claims()}. Optional fields that the token does not carry (or carries as JSON {@code null}) are
 * {@code null} here; {@code emailVerified} is {@code false} unless the token says {@code true}.
 *
 * <p>Instances are immutable: {@link #claims()} and {@link #audience()} are unmodifiable deep copies.
 * {@link #toString()} shows the id, email and validity but never a claim value that could be a credential,
 * and never the token (which this record does not hold).
 *
 * <pre>{@code
 * AuthenticatedUser user = verifier.verify(token);
 * String userId = user.id();
 * Optional<String> role = user.claim("role", String.class);
 * }</pre>
 *
 * @param id            the user id, from the {@code sub} claim; never null or empty
 * @param email         the {@code email} claim, or null
 * @param name          the {@code name} claim, or null
 * @param emailVerified the {@code emailVerified} claim; false when absent
 * @param image         the {@code image} claim, or null
 * @param issuer        the {@code iss} claim that was checked
 * @param audience      the {@code aud} claim (one or several values); never null
 * @param issuedAt      the {@code iat} claim, or null
 * @param expiresAt     the {@code exp} claim; never null
 * @param claims        every claim of the payload, unmodifiable; numbers are {@link Long} or {@link Double},
 *                      objects are {@code Map<String, Object>}, arrays are {@code List<Object>}
 * @param credential    the kind of credential that was verified
 * @param subjectType   whether {@code id} is a user or an OAuth client acting for itself
 * @param sessionId     the Better Auth session the credential belongs to, or null when it does not say
 * @param clientId      the OAuth client the credential was issued to, or null when it is no OAuth token
 * @param scopes        the OAuth scopes granted; empty when the credential carries none
 */
public record AuthenticatedUser(
        String id,
        String email,
        String name,
        boolean emailVerified,
        String image,
        String issuer,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        Map<String, Object> claims,
        CredentialKind credential,
        SubjectType subjectType,
        String sessionId,
        String clientId,
        Set<String> scopes) {

    /**
     * Creates a user, copying {@code audience}, {@code claims} and {@code scopes} into unmodifiable collections.
     *
     * @param id            the user id; see {@link #id()}
     * @param email         see {@link #email()}
     * @param name          see {@link #name()}
     * @param emailVerified see {@link #emailVerified()}
     * @param image         see {@link #image()}
     * @param issuer        see {@link #issuer()}
     * @param audience      see {@link #audience()}
     * @param issuedAt      see {@link #issuedAt()}
     * @param expiresAt     see {@link #expiresAt()}
     * @param claims        see {@link #claims()}
     * @param credential    see {@link #credential()}
     * @param subjectType   see {@link #subjectType()}
     * @param sessionId     see {@link #sessionId()}
     * @param clientId      see {@link #clientId()}
     * @param scopes        see {@link #scopes()}
     * @throws NullPointerException     if {@code id}, {@code audience}, {@code expiresAt}, {@code claims},
     *                                  {@code credential}, {@code subjectType} or {@code scopes} is null
     * @throws IllegalArgumentException if {@code id} is empty
     */
    public AuthenticatedUser {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        audience = List.copyOf(Objects.requireNonNull(audience, "audience"));
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(subjectType, "subjectType");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        try {
            // A verifier hands over claims it has already frozen; anything else is copied.
            claims = FrozenJson.freeze(Objects.requireNonNull(claims, "claims"), Integer.MAX_VALUE);
        } catch (FrozenJson.TooDeep e) {
            throw new IllegalStateException("unbounded freeze cannot be too deep", e);
        }
    }

    /**
     * The user id, when the subject is a user.
     *
     * @return {@link #id()} for a user, empty for an OAuth client acting for itself
     */
    public Optional<String> userId() {
        return subjectType == SubjectType.USER ? Optional.of(id) : Optional.empty();
    }

    /**
     * Whether the credential grants a scope.
     *
     * @param scope an OAuth scope, such as {@code tasks:read}
     * @return {@code true} if {@link #scopes()} contains it
     */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /**
     * Returns a claim as the requested type.
     *
     * <p>Numbers convert between {@code Long}, {@code Integer} and {@code Double} when no precision is lost.
     * A claim that is absent, JSON {@code null}, or of another type gives an empty Optional: an
     * authorisation check built on it then fails closed instead of throwing.
     *
     * <pre>{@code
     * boolean admin = user.claim("role", String.class).map("admin"::equals).orElse(false);
     * }</pre>
     *
     * @param name the claim name
     * @param type the expected Java type ({@code String}, {@code Boolean}, {@code Long}, {@code Integer},
     *             {@code Double}, {@code Map}, {@code List})
     * @param <T>  the expected type
     * @return the claim value, or empty
     * @throws NullPointerException if {@code name} or {@code type} is null
     */
    public <T> Optional<T> claim(String name, Class<T> type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        if (value instanceof Number number) {
            return convertNumber(number, type);
        }
        return Optional.empty();
    }

    private static <T> Optional<T> convertNumber(Number number, Class<T> type) {
        if (type == Long.class && number instanceof Double d && d == Math.rint(d)
                && d >= Long.MIN_VALUE && d <= Long.MAX_VALUE) {
            return Optional.of(type.cast(d.longValue()));
        }
        if (type == Integer.class) {
            Optional<Long> asLong = number instanceof Long l ? Optional.of(l) : convertNumber(number, Long.class);
            return asLong.filter(l -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE)
                    .map(l -> type.cast(l.intValue()));
        }
        if (type == Double.class && number instanceof Long l && Math.abs(l) <= (1L << 53)) {
            return Optional.of(type.cast(l.doubleValue()));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "AuthenticatedUser[id=" + id + ", email=" + email + ", credential=" + credential
                + (subjectType == SubjectType.USER ? "" : ", subjectType=" + subjectType)
                + (clientId == null ? "" : ", clientId=" + clientId) + (scopes.isEmpty() ? "" : ", scopes=" + scopes)
                + ", issuer=" + issuer + ", audience=" + audience + ", issuedAt=" + issuedAt + ", expiresAt="
                + expiresAt + ", claims=" + claims.keySet() + "]";
    }
}

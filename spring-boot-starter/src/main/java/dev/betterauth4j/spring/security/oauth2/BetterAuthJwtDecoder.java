package dev.betterauth4j.spring.security.oauth2;

import com.nimbusds.jose.JWSObject;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.BetterAuthVerifier;
import dev.betterauth4j.core.Credential;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.TokenVerificationException.Reason;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link JwtDecoder} backed by the {@link BetterAuthVerifier}, for applications that keep Spring Security's
 * {@code oauth2ResourceServer().jwt()}: it verifies what Spring's own decoder cannot (EdDSA, Better Auth's default)
 * with every check of the verifier, and gives Spring a {@link Jwt} with the token's header and claims.
 *
 * <pre>{@code
 * http.oauth2ResourceServer(resourceServer -> resourceServer
 *         .jwt(Customizer.withDefaults())                  // the starter's BetterAuthJwtDecoder bean
 *         .authenticationEntryPoint(betterAuthEntryPoint)   // 401 with the library's answer, 503 on an outage
 *         .accessDeniedHandler(betterAuthAccessDenied));
 * }</pre>
 *
 * <p>A refused token throws a {@link BadJwtException} whose cause is the verifier's
 * {@link TokenVerificationException}; so does an outage (the key set or Better Auth unreachable), as
 * {@link BetterAuthJwtOutageException}. Spring's resource server turns a {@code BadJwtException} into an
 * authentication failure for the entry point, where {@code BetterAuthAuthenticationEntryPoint} finds the verifier's
 * reason and answers 503 with {@code Retry-After} for an outage; any other {@link JwtException} would become an
 * {@code AuthenticationServiceException}, which Spring's resource server rethrows, a 500. An exception the verifier
 * does not declare fails closed as the library's filter fails: a {@link BadJwtException} (401, reason
 * {@code MALFORMED}), and an error logged with the exception's class only. Only JWTs are decoded (a
 * value with two dots); session tokens need the starter's own authentication.
 */
public final class BetterAuthJwtDecoder implements JwtDecoder {

    private static final Logger LOGGER = System.getLogger(BetterAuthJwtDecoder.class.getName());

    private final BetterAuthVerifier verifier;

    /**
     * A decoder.
     *
     * @param verifier verifies the tokens
     */
    public BetterAuthJwtDecoder(BetterAuthVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Verifies a token and returns it as a {@link Jwt}.
     *
     * @param token the compact JWS
     * @return the verified token: its header, its claims, its {@code iat} and {@code exp}
     * @throws JwtException a {@link BadJwtException} when the verifier refuses it (the cause says why), a
     *                      {@link BetterAuthJwtOutageException} when the verifier cannot decide for an outage, a
     *                      {@link BadJwtException} with reason {@code MALFORMED} when the verifier fails unexpectedly
     */
    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
            throw new BadJwtException("The token is not a JWT");
        }
        AuthenticatedUser user;
        try {
            user = verifier.verify(new Credential.Bearer(token));
        } catch (TokenVerificationException e) {
            throw e.reason().isOutage() ? new BetterAuthJwtOutageException(e) : new BadJwtException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Not expected from the verifier: fail closed as the filter does (a 401, not Spring's 500), and log the
            // exception's class only (its message might quote the token).
            LOGGER.log(Level.ERROR, () -> "Token verification failed unexpectedly: " + e.getClass().getName());
            TokenVerificationException refused = new TokenVerificationException(Reason.MALFORMED,
                    "The token could not be verified");
            throw new BadJwtException(refused.getMessage(), refused);
        }
        Map<String, Object> headers;
        try {
            headers = new LinkedHashMap<>(JWSObject.parse(token).getHeader().toJSONObject());
        } catch (ParseException e) {
            // The verifier parsed this very header; this cannot happen.
            throw new BadJwtException("The token's header cannot be read", e);
        }
        return Jwt.withTokenValue(token)
                .headers(values -> values.putAll(headers))
                .claims(values -> values.putAll(user.claims()))
                .issuedAt(user.issuedAt())
                .expiresAt(user.expiresAt())
                .build();
    }

    @Override
    public String toString() {
        return "BetterAuthJwtDecoder[" + verifier + "]";
    }
}

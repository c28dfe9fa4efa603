/**
 * Verifies Better Auth credentials: {@link dev.betterauth4j.core.BetterAuthVerifier} (built once, shared) returns an
 * immutable {@link dev.betterauth4j.core.AuthenticatedUser} or throws a
 * {@link dev.betterauth4j.core.TokenVerificationException} whose typed reason says why.
 *
 * <p>The public types are the verifier and its builder, the user, the credential a request presents, and the
 * exception. Everything else is package-private and reads in the order a token travels: {@code VerifierAssembly}
 * (decides and composes), {@code JwtVerifier} (the path of one token: {@code CompactJwsParser}, {@code TokenProfile},
 * {@code KeySource}, {@code ClaimsValidator}, {@code VerifiedTokenCache}), the key sources ({@code JwksKeySource},
 * {@code RemoteKeySet}, {@code SharedSecretKeySource}) and key admission ({@code TrustedKeyFactory}).
 */
package dev.betterauth4j.core;

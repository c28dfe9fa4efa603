/**
 * betterauth4j's test kit: Better-Auth-shaped tokens and a loopback key set endpoint, so an application can test its
 * protected endpoints without a Better Auth server.
 *
 * <ul>
 *   <li>{@link dev.betterauth4j.testkit.SigningKey}: a key for every algorithm Better Auth signs with (EdDSA by
 *       default, ES256/384/512, RS256/384/512, PS256/384/512) and HMAC secrets for {@code BETTER_AUTH_SECRET}
 *       tokens;</li>
 *   <li>{@link dev.betterauth4j.testkit.TestToken}: the {@code jwt} plugin's token (header, user payload, 15 minutes,
 *       {@code iss} and {@code aud}), with any claim changed and the usual failures one call away (expired, wrong
 *       audience or issuer, not yet valid, signed with a key nobody published);</li>
 *   <li>{@link dev.betterauth4j.testkit.JwksServer}: {@code GET /api/auth/jwks} on {@code 127.0.0.1}, whose base URL
 *       the application under test takes as Better Auth's; it rotates keys, fails and stalls on demand;</li>
 *   <li>for OAuth resource servers: {@link dev.betterauth4j.testkit.TestToken#accessToken} (the {@code at+jwt} access
 *       token of Better Auth's OAuth provider), {@link dev.betterauth4j.testkit.DpopProof} (DPoP proofs as a client
 *       makes them) and {@link dev.betterauth4j.testkit.IntrospectionServer} (the provider's metadata and
 *       introspection endpoint, for opaque tokens).</li>
 * </ul>
 *
 * <p>Add {@code dev.betterauth4j:betterauth4j-test} with scope {@code test}. The kit depends on nothing but Nimbus
 * JOSE+JWT (which auth-core brings anyway) and the JDK's {@code jdk.httpserver} module, not on auth-core itself, so it
 * works with any verifier. The guide, with a complete example: {@code docs/testing.md}.
 */
package dev.betterauth4j.testkit;

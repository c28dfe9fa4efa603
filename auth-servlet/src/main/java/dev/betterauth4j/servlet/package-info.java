/**
 * {@link dev.betterauth4j.servlet.BetterAuthFilter}, a {@code jakarta.servlet.Filter} that establishes a request's
 * identity with auth-core's verifier, for any Servlet 6 container.
 *
 * <p>The filter keeps the decision and hands out the other jobs: {@code CanonicalPath} and {@code PublicPaths} (which
 * requests are public), {@code CredentialResolver} and {@code BearerTokenParser} (what credentials a request offers),
 * {@code RefusalWriter} (401/400/403/503 with their challenge and problem body), {@code AuthenticatedRequest} (the
 * principal and roles the application sees), {@code FilterSettings} (the configuration table, read from
 * {@code web.xml} by {@code FilterInitParameters}).
 */
package dev.betterauth4j.servlet;

package dev.betterauth4j.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BetterAuthVerifier} resolves Better Auth session tokens (the {@code session_token} cookie, the
 * {@code bearer} plugin's token) through Better Auth's {@code get-session}: given to
 * {@link BetterAuthVerifierBuilder#sessions(java.util.function.Consumer)}, which also turns session credentials on.
 *
 * <pre>{@code
 * BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .secrets(System.getenv("BETTER_AUTH_SECRETS"))
 *         .sessions(sessions -> sessions.cacheTtl(Duration.ofSeconds(10)))
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe, like the builder it belongs to; {@link BetterAuthVerifierBuilder#build()} checks the values of a
 * group whose kind is on, and ignores the group otherwise.
 */
public final class SessionOptions {

    boolean acceptBareTokens = VerifierSettings.ACCEPT_BARE_SESSION_TOKENS.defaultValue();
    Duration cacheTtl = VerifierSettings.SESSION_CACHE_TTL.defaultValue();
    Duration negativeCacheTtl = VerifierSettings.SESSION_NEGATIVE_CACHE_TTL.defaultValue();
    int cacheSize = VerifierSettings.SESSION_CACHE_SIZE.defaultValue();
    int maxConcurrentCalls = VerifierSettings.SESSION_MAX_CONCURRENT_CALLS.defaultValue();

    SessionOptions() {
    }

    /**
     * Accepts a bearer session token without its signature ({@code BETTER_AUTH_ACCEPT_BARE_SESSION_TOKENS}), as
     * Better Auth's {@code bearer()} does unless {@code requireSignature} is set. Off by default.
     *
     * @param accept whether to accept them
     * @return these options
     */
    public SessionOptions acceptBareTokens(boolean accept) {
        this.acceptBareTokens = accept;
        return this;
    }

    /**
     * How long Better Auth's answer for a session is used ({@code BETTER_AUTH_SESSION_CACHE_TTL}): a signed-out
     * session can pass for up to this long.
     *
     * @param ttl 0 (ask every time) to 1 h
     * @return these options
     */
    public SessionOptions cacheTtl(Duration ttl) {
        this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * How long "no such session" is remembered ({@code BETTER_AUTH_SESSION_NEGATIVE_CACHE_TTL}).
     *
     * @param ttl 0 to 5 min
     * @return these options
     */
    public SessionOptions negativeCacheTtl(Duration ttl) {
        this.negativeCacheTtl = Objects.requireNonNull(ttl, "ttl");
        return this;
    }

    /**
     * How many session answers are remembered at most ({@code BETTER_AUTH_SESSION_CACHE_SIZE}).
     *
     * @param entries 1 to 10,000,000
     * @return these options
     */
    public SessionOptions cacheSize(int entries) {
        this.cacheSize = entries;
        return this;
    }

    /**
     * How many calls to {@code get-session} may run at once ({@code BETTER_AUTH_SESSION_MAX_CONCURRENT_CALLS}).
     *
     * @param calls 1 to 256
     * @return these options
     */
    public SessionOptions maxConcurrentCalls(int calls) {
        this.maxConcurrentCalls = calls;
        return this;
    }

    /** Checks the values against the table's bounds, for a verifier that resolves sessions by {@code get-session}. */
    void check() {
        VerifierSettings.SESSION_CACHE_TTL.check(cacheTtl);
        VerifierSettings.SESSION_NEGATIVE_CACHE_TTL.check(negativeCacheTtl);
        VerifierSettings.SESSION_CACHE_SIZE.check(cacheSize);
        VerifierSettings.SESSION_MAX_CONCURRENT_CALLS.check(maxConcurrentCalls);
    }
}

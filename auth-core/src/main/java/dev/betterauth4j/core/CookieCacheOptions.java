package dev.betterauth4j.core;

import java.util.Objects;

/**
 * How a {@link BetterAuthVerifier} reads Better Auth's session cookie cache ({@code session_data}): given to
 * {@link BetterAuthVerifierBuilder#cookieCache(java.util.function.Consumer)}, which also turns the cookie cache on.
 *
 * <pre>{@code
 * BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .secrets(System.getenv("BETTER_AUTH_SECRETS"))
 *         .cookieCache(cache -> cache.version("2"))
 *         .build();
 * }</pre>
 *
 * <p>Not thread-safe, like the builder it belongs to; {@link BetterAuthVerifierBuilder#build()} checks the values of a
 * group whose kind is on, and ignores the group otherwise.
 */
public final class CookieCacheOptions {

    String version;

    CookieCacheOptions() {
    }

    /**
     * The {@code version} a cookie cache must have ({@code BETTER_AUTH_COOKIE_CACHE_VERSION}), Better Auth's
     * {@code session.cookieCache.version}. Default: any.
     *
     * @param version the version
     * @return these options
     */
    public CookieCacheOptions version(String version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }
}

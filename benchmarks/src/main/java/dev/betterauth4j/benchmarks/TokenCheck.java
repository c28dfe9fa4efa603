package dev.betterauth4j.benchmarks;

/** One variant's verification of a token, for the set-up sanity checks and the support probe. */
@FunctionalInterface
public interface TokenCheck {

    /** Returns a non-null result for a valid token; throws for an invalid one. */
    Object verify(String token) throws Exception;

    /**
     * Fails unless this check accepts the fixture's token and rejects the same token with one signature bit flipped,
     * so no benchmark measures a no-op or a verifier that accepts anything.
     */
    static void requireAcceptsAndRejects(String variant, Fixture fixture, TokenCheck check) {
        Object result;
        try {
            result = check.verify(fixture.token);
        } catch (Exception e) {
            throw new IllegalStateException(variant + "/" + fixture.algorithm + " rejected the valid token: " + e, e);
        }
        if (result == null) {
            throw new IllegalStateException(variant + "/" + fixture.algorithm + " returned null for the valid token");
        }
        try {
            check.verify(fixture.flippedToken);
        } catch (Exception expected) {
            return;
        }
        throw new IllegalStateException(variant + "/" + fixture.algorithm
                + " ACCEPTED a token whose signature has a flipped bit");
    }
}

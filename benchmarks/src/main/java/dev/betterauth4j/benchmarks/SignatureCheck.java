package dev.betterauth4j.benchmarks;

/**
 * A signature check over precomputed bytes: the JDK's ({@link JdkCrypto}) or another Ed25519 implementation
 * ({@link Ed25519Checks}). Implementations may keep per-call state: one instance per thread.
 */
@FunctionalInterface
public interface SignatureCheck {

    /** Whether {@code signature} is a valid signature of {@code input}. A malformed signature is invalid. */
    boolean verify(byte[] input, byte[] signature);
}

package dev.betterauth4j.benchmarks;

/** Set-up and result checks shared by the floor benchmarks. */
final class FloorChecks {

    private FloorChecks() {
    }

    /** Fails unless {@code check} accepts the fixture's signature and rejects it with one bit flipped. */
    static void requireTellsValidFromInvalid(String variant, Fixture fixture, SignatureCheck check) {
        if (!check.verify(fixture.signingInput, fixture.signature)
                || check.verify(fixture.signingInput, fixture.flippedSignature)) {
            throw new IllegalStateException(variant + "/" + fixture.algorithm
                    + ": the check does not tell valid from invalid");
        }
    }

    /** Returns true, or throws if the signature did not verify (so a benchmark cannot measure a failing path). */
    static boolean require(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("signature did not verify");
        }
        return true;
    }
}

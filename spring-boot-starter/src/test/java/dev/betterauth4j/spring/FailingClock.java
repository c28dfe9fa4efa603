package dev.betterauth4j.spring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock until {@link #fail()}, then a clock that throws: a verifier built with it fails with an exception it
 * does not declare, as a defect in it or in a seam of the application's would, for tests of failing closed.
 */
public final class FailingClock extends Clock {

    private volatile boolean failing;

    /** From now on, every reading throws {@link IllegalStateException}. */
    public void fail() {
        failing = true;
    }

    @Override
    public Instant instant() {
        if (failing) {
            throw new IllegalStateException("the clock is broken");
        }
        return Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

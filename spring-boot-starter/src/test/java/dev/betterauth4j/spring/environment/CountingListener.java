package dev.betterauth4j.spring.environment;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.servlet.AuthenticationListener;

import java.util.concurrent.atomic.AtomicInteger;

/** A listener named by a property: counts successes. */
public class CountingListener implements AuthenticationListener {

    /** Successes heard by every instance. */
    public static final AtomicInteger SUCCESSES = new AtomicInteger();

    @Override
    public void onSuccess(AuthenticatedUser user, String path) {
        SUCCESSES.incrementAndGet();
    }
}

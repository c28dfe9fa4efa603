package dev.betterauth4j.demo;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a start has opened so far (the database, the listening socket, the verifier's key fetching, the server),
 * closed newest first if the start fails, so that a start that fails holds nothing: not the H2 file, not the port.
 * Once the start succeeds they are handed over to the demo, which closes them on stop.
 */
final class OpenedResources implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean handedOver;

    /** Registers {@code resource} (or a way to undo a step, such as {@code server::stop}) and returns it. */
    <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    void handOver() {
        handedOver = true;
    }

    /** Closes everything, unless handed over; what fails to close does not keep the rest open. */
    @Override
    public void close() throws Exception {
        if (handedOver) {
            return;
        }
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

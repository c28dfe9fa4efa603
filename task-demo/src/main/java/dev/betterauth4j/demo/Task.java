package dev.betterauth4j.demo;

import java.time.Instant;

/**
 * A stored task. {@code ownerId} is the Better Auth user id of the token that created it; it is never taken from
 * a request body and never changes.
 *
 * @param id          the task id
 * @param ownerId     the owner's user id
 * @param title       1 to 200 characters, trimmed
 * @param description up to 2000 characters, or null
 * @param completed   whether it is done
 * @param createdAt   when it was created (UTC, milliseconds)
 * @param updatedAt   when it last changed (UTC, milliseconds)
 */
record Task(long id, String ownerId, String title, String description, boolean completed, Instant createdAt,
            Instant updatedAt) {
}

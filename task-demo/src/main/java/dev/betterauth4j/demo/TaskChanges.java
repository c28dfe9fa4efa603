package dev.betterauth4j.demo;

/**
 * Validated changes from a request body. Null fields are left alone, except {@code description}, which
 * {@code clearDescription} sets to null.
 *
 * @param title            a new title, or null
 * @param description      a new description, or null
 * @param clearDescription whether to remove the description
 * @param completed        a new completion state, or null
 */
record TaskChanges(String title, String description, boolean clearDescription, Boolean completed) {
}

package dev.betterauth4j.demo;

import java.util.List;

/**
 * The path of a task API request below {@code /api}, parsed once, before anything is read, into what it names:
 *
 * <pre>
 * /me                                                      {@link Route#ME}
 * /tasks                  /{userId}/tasks                  {@link Route#TASKS} (a trailing slash is allowed)
 * /tasks/{id}             /{userId}/tasks/{id}             {@link Route#TASK}
 * /tasks/{id}/complete    /{userId}/tasks/{id}/complete    {@link Route#TOGGLE}
 * </pre>
 *
 * <p>Anything else is a 404, and so is an id that is not a positive whole number of at most 18 digits. The
 * {@code /{userId}} routes are the seed's: there the path names the user, but only the token says who the user is, so
 * the {@code userId} is compared with the verified caller's id, before the rest of the path is even looked at, and
 * refused with 403 unless it is the caller's. It is never used for anything else: a route has the caller's id only.
 *
 * @param route  what the path names
 * @param taskId the task's id for {@link Route#TASK} and {@link Route#TOGGLE}; 0 for the others (ids start at 1)
 */
record TaskPath(Route route, long taskId) {

    /** What a task API path names. */
    enum Route {
        /** The verified user. */
        ME,
        /** The caller's tasks: the list, and where new ones are created. */
        TASKS,
        /** One task; whether it is the caller's is known only once it is read. */
        TASK,
        /** One task's completion, which {@code PATCH} toggles. */
        TOGGLE
    }

    /**
     * Parses {@code pathInfo}, the path below {@code /api}, for the caller whose verified id is {@code callerId}.
     *
     * @throws ProblemException 403 if the path names another user, 404 if it names nothing
     */
    static TaskPath parse(String pathInfo, String callerId) throws ProblemException {
        String path = pathInfo == null ? "" : pathInfo;
        List<String> segments = path.startsWith("/") ? List.of(path.substring(1).split("/", -1)) : List.of();
        if (segments.equals(List.of("me"))) {
            return new TaskPath(Route.ME, 0);
        }
        if (!segments.isEmpty() && segments.get(0).equals("tasks")) {
            return tasks(segments.subList(1, segments.size()));
        }
        if (segments.size() >= 2 && segments.get(1).equals("tasks") && !segments.get(0).isEmpty()) {
            if (!segments.get(0).equals(callerId)) {
                throw ProblemException.forbidden("These tasks belong to another user");
            }
            return tasks(segments.subList(2, segments.size()));
        }
        throw ProblemException.notFound("No such resource: " + (path.length() > 100 ? path.substring(0, 100) + "..."
                : path));
    }

    /** What follows {@code tasks}: nothing, {@code {id}} or {@code {id}/complete}. */
    private static TaskPath tasks(List<String> rest) throws ProblemException {
        if (rest.isEmpty() || rest.equals(List.of(""))) {
            return new TaskPath(Route.TASKS, 0);
        }
        long id = taskId(rest.get(0));
        if (rest.size() == 1) {
            return new TaskPath(Route.TASK, id);
        }
        if (rest.size() == 2 && rest.get(1).equals("complete")) {
            return new TaskPath(Route.TOGGLE, id);
        }
        throw ProblemException.notFound("No such resource");
    }

    /** At most 18 digits: every such number is a {@code long}, and no task will ever have a longer id. */
    private static long taskId(String segment) throws ProblemException {
        if (segment.isEmpty() || segment.length() > 18 || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.noSuchTask();
        }
        long id = Long.parseLong(segment);
        if (id < 1) {
            throw ProblemException.noSuchTask();
        }
        return id;
    }
}

package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The task API under {@code /api}. The caller is always {@link BetterAuthFilter#requireUser}: no route reads a
 * user id from anywhere else, and a {@code {userId}} in a path is only compared with it.
 *
 * <pre>
 * GET    /api/me
 * GET    /api/tasks?completed=&amp;limit=&amp;offset=      POST /api/tasks
 * GET|PUT|PATCH|DELETE /api/tasks/{id}
 * GET|POST /api/{userId}/tasks                        GET|PUT|PATCH|DELETE /api/{userId}/tasks/{id}
 * PATCH  /api/{userId}/tasks/{id}/complete   (toggle)
 * </pre>
 *
 * <p>{@code HEAD} is answered wherever {@code GET} is, with the same headers and no body.
 */
final class TaskApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = System.getLogger(TaskApiServlet.class.getName());
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    static final long MAX_OFFSET = 1_000_000;

    private final transient TaskStore store;
    private final transient ObjectMapper json;
    private final transient TaskRequestParser requests;
    private final transient ProblemWriter problems;

    TaskApiServlet(TaskStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
        this.requests = new TaskRequestParser(json);
        this.problems = new ProblemWriter(json);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AuthenticatedUser> user = BetterAuthFilter.currentUser(request);
        if (user.isEmpty()) {
            // The filter lets no request without a verified user through to /api/*; should one arrive anyway (a
            // filter that waved CORS preflights through did), it is refused here, never served and never a 500.
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, 401, "A bearer token is required");
            return;
        }
        try {
            route(request, response, user.get());
        } catch (ProblemException e) {
            problems.write(response, e);
        } catch (SQLException e) {
            // Never the exception's message: it can quote the statement's values, that is the user's task text.
            if (DatabaseErrors.isRefusedValue(e)) {
                LOGGER.log(Level.WARNING, () -> "The database refused a value: " + DatabaseErrors.describe(e));
                problems.write(response, 400, "The database refused a value of this request (too long, or a"
                        + " character it cannot store)");
            } else {
                LOGGER.log(Level.WARNING, () -> "Database error: " + DatabaseErrors.describe(e));
                problems.write(response, 503, "The task store is temporarily unavailable");
            }
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, AuthenticatedUser user)
            throws ProblemException, SQLException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[0];
        if (segments.length == 1 && segments[0].equals("me")) {
            allow(request, "GET");
            send(response, 200, me(user));
        } else if (segments.length >= 1 && segments[0].equals("tasks")) {
            tasks(request, response, user.id(), segments, 1);
        } else if (segments.length >= 2 && segments[1].equals("tasks") && !segments[0].isEmpty()) {
            // The seed's contract: the path names the user. It must be the caller, checked before any data is read.
            if (!segments[0].equals(user.id())) {
                throw ProblemException.forbidden("These tasks belong to another user");
            }
            tasks(request, response, user.id(), segments, 2);
        } else {
            throw ProblemException.notFound("No such resource: " + truncate(path));
        }
    }

    /** Routes {@code tasks}, {@code tasks/{id}} and {@code tasks/{id}/complete}, starting at {@code segments[from]}. */
    private void tasks(HttpServletRequest request, HttpServletResponse response, String caller, String[] segments,
                       int from) throws ProblemException, SQLException, IOException {
        int remaining = segments.length - from;
        String method = Methods.routed(request);
        if (remaining == 0 || (remaining == 1 && segments[from].isEmpty())) {
            allow(request, "GET", "POST");
            if (method.equals("GET")) {
                list(request, response, caller);
            } else {
                create(request, response, caller);
            }
            return;
        }
        long id = taskId(segments[from]);
        if (remaining == 1) {
            allow(request, "GET", "PUT", "PATCH", "DELETE");
            switch (method) {
                case "GET" -> send(response, 200, task(owned(caller, id)));
                case "PUT" -> update(response, caller, id, requests.forReplace(requests.readBody(request)));
                case "PATCH" -> update(response, caller, id, requests.forPatch(requests.readBody(request)));
                default -> {
                    owned(caller, id);
                    if (!store.delete(caller, id)) {
                        throw noSuchTask();
                    }
                    response.setStatus(204);
                }
            }
        } else if (remaining == 2 && segments[from + 1].equals("complete")) {
            allow(request, "PATCH");
            owned(caller, id);
            send(response, 200, task(store.toggle(caller, id).orElseThrow(TaskApiServlet::noSuchTask)));
        } else {
            throw ProblemException.notFound("No such resource");
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String caller)
            throws ProblemException, SQLException, IOException {
        Boolean completed = completedFilter(request);
        int limit = (int) number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long offset = number(request, "offset", 0, 0, MAX_OFFSET);
        List<Task> tasks = store.list(caller, completed, limit, offset);
        ArrayNode body = json.createArrayNode();
        tasks.forEach(task -> body.add(task(task)));
        response.setHeader("X-Total-Count", Long.toString(store.count(caller, completed)));
        send(response, 200, body);
    }

    private void create(HttpServletRequest request, HttpServletResponse response, String caller)
            throws ProblemException, SQLException, IOException {
        TaskChanges input = requests.forCreate(requests.readBody(request));
        Task created = store.create(caller, input.title(), input.description(), Boolean.TRUE.equals(input.completed()));
        response.setHeader("Location", request.getContextPath() + "/api/tasks/" + created.id());
        send(response, 201, task(created));
    }

    private void update(HttpServletResponse response, String caller, long id, TaskChanges changes)
            throws ProblemException, SQLException, IOException {
        owned(caller, id);
        send(response, 200, task(store.update(caller, id, changes).orElseThrow(TaskApiServlet::noSuchTask)));
    }

    /** The caller's task: 404 if it does not exist, 403 if it is another user's (the seed's rule). */
    private Task owned(String caller, long id) throws ProblemException, SQLException {
        Optional<Task> task = store.find(id);
        if (task.isEmpty()) {
            throw noSuchTask();
        }
        if (!task.get().ownerId().equals(caller)) {
            throw ProblemException.forbidden("This task belongs to another user");
        }
        return task.get();
    }

    private static long taskId(String segment) throws ProblemException {
        if (segment.isEmpty() || segment.length() > 18 || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw noSuchTask();
        }
        long id = Long.parseLong(segment);
        if (id < 1) {
            throw noSuchTask();
        }
        return id;
    }

    private static Boolean completedFilter(HttpServletRequest request) throws ProblemException {
        String value = single(request, "completed");
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid("completed", "must be true or false");
        };
    }

    private static long number(HttpServletRequest request, String name, long fallback, long min, long max)
            throws ProblemException {
        String value = single(request, name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    private static String single(HttpServletRequest request, String name) throws ProblemException {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw ProblemException.invalid(name, "must be given once");
        }
        return values[0];
    }

    private static void allow(HttpServletRequest request, String... allowed) throws ProblemException {
        Methods.allow(request, allowed);
    }

    private ObjectNode task(Task task) {
        ObjectNode node = json.createObjectNode();
        node.put("id", task.id());
        node.put("title", task.title());
        node.put("description", task.description());
        node.put("completed", task.completed());
        node.put("createdAt", task.createdAt().toString());
        node.put("updatedAt", task.updatedAt().toString());
        return node;
    }

    private ObjectNode me(AuthenticatedUser user) {
        ObjectNode node = json.createObjectNode();
        node.put("id", user.id());
        node.put("email", user.email());
        node.put("name", user.name());
        node.put("emailVerified", user.emailVerified());
        node.put("image", user.image());
        node.put("issuer", user.issuer());
        node.set("audience", json.valueToTree(user.audience()));
        node.put("issuedAt", user.issuedAt() == null ? null : user.issuedAt().toString());
        node.put("expiresAt", user.expiresAt().toString());
        node.set("claims", json.valueToTree(user.claims()));
        return node;
    }

    private void send(HttpServletResponse response, int status, Object body) throws IOException {
        JsonBody.send(response, status, json.writeValueAsBytes(body));
    }

    private static ProblemException noSuchTask() {
        return ProblemException.notFound("No such task");
    }

    private static String truncate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}

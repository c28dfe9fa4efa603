package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.servlet.BetterAuthFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task API under {@code /api}. The caller is always {@link BetterAuthFilter}'s verified user: no route reads a
 * user id from anywhere else, and a {@code {userId}} in a path is only compared with it (see {@link TaskPath}).
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
final class TaskApiServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = System.getLogger(TaskApiServlet.class.getName());

    private final transient TaskStore store;
    private final transient ObjectMapper json;
    private final transient TaskRequestParser requests;

    TaskApiServlet(TaskStore store, ObjectMapper json, JsonResponseWriter responses) {
        super(responses);
        this.store = store;
        this.json = json;
        this.requests = new TaskRequestParser(json);
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ProblemException, IOException {
        // The filter lets no request without a verified user through to /api/*; should one arrive anyway (a filter
        // that waved CORS preflights through did), it is refused here, never served and never a 500.
        AuthenticatedUser user = BetterAuthFilter.currentUser(request).orElseThrow(() -> new ProblemException(401,
                "A bearer token is required", List.of(), Map.of("WWW-Authenticate", "Bearer")));
        if (user.userId().isEmpty()) {
            // Every task belongs to a user; an OAuth client acting for itself (client_credentials) has none.
            throw ProblemException.forbidden("Tasks belong to users: this access token is an OAuth client's own"
                    + " (client_credentials) and names no user, so it may not read or change tasks");
        }
        try {
            TaskPath path = TaskPath.parse(request.getPathInfo(), user.id());
            switch (path.route()) {
                case ME -> me(request, response, user);
                case TASKS -> tasks(request, response, user.id());
                case TASK -> task(request, response, user.id(), path.taskId());
                case TOGGLE -> toggle(request, response, user.id(), path.taskId());
            }
        } catch (SQLException e) {
            throw problemFor(e);
        }
    }

    private void me(HttpServletRequest request, HttpServletResponse response, AuthenticatedUser user)
            throws ProblemException, IOException {
        Methods.allow(request, "GET");
        responses.writeJson(response, 200, toJson(user));
    }

    /** The caller's tasks: {@code GET} lists them, {@code POST} creates one. */
    private void tasks(HttpServletRequest request, HttpServletResponse response, String caller)
            throws ProblemException, SQLException, IOException {
        Methods.allow(request, "GET", "POST");
        if (Methods.routed(request).equals("GET")) {
            ListQuery query = ListQuery.parse(request.getParameterMap());
            List<Task> tasks = store.list(caller, query.completed(), query.limit(), query.offset());
            ArrayNode body = json.createArrayNode();
            tasks.forEach(task -> body.add(toJson(task)));
            response.setHeader("X-Total-Count", Long.toString(store.count(caller, query.completed())));
            responses.writeJson(response, 200, body);
        } else {
            TaskChanges input = requests.forCreate(requests.readBody(request));
            Task created = store.create(caller, input.title(), input.description(),
                    Boolean.TRUE.equals(input.completed()));
            response.setHeader("Location", request.getContextPath() + "/api/tasks/" + created.id());
            responses.writeJson(response, 201, toJson(created));
        }
    }

    private void task(HttpServletRequest request, HttpServletResponse response, String caller, long id)
            throws ProblemException, SQLException, IOException {
        Methods.allow(request, "GET", "PUT", "PATCH", "DELETE");
        switch (Methods.routed(request)) {
            case "GET" -> responses.writeJson(response, 200, toJson(owned(caller, id)));
            case "PUT" -> update(response, caller, id, requests.forReplace(requests.readBody(request)));
            case "PATCH" -> update(response, caller, id, requests.forPatch(requests.readBody(request)));
            default -> {
                owned(caller, id);
                if (!store.delete(caller, id)) {
                    throw ProblemException.noSuchTask();
                }
                response.setStatus(204);
            }
        }
    }

    private void toggle(HttpServletRequest request, HttpServletResponse response, String caller, long id)
            throws ProblemException, SQLException, IOException {
        Methods.allow(request, "PATCH");
        owned(caller, id);
        responses.writeJson(response, 200, toJson(store.toggle(caller, id).orElseThrow(ProblemException::noSuchTask)));
    }

    private void update(HttpServletResponse response, String caller, long id, TaskChanges changes)
            throws ProblemException, SQLException, IOException {
        owned(caller, id);
        Task updated = store.update(caller, id, changes).orElseThrow(ProblemException::noSuchTask);
        responses.writeJson(response, 200, toJson(updated));
    }

    /** The caller's task: 404 if it does not exist, 403 if it is another user's (the seed's rule). */
    private Task owned(String caller, long id) throws ProblemException, SQLException {
        Optional<Task> task = store.find(id);
        if (task.isEmpty()) {
            throw ProblemException.noSuchTask();
        }
        if (!task.get().ownerId().equals(caller)) {
            throw ProblemException.forbidden("This task belongs to another user");
        }
        return task.get();
    }

    /**
     * The answer to a database error: 400 if the database refused a value of the request, 503 if it failed. Never
     * the exception's message: it can quote the statement's values, that is the user's task text.
     */
    private static ProblemException problemFor(SQLException e) {
        if (DatabaseErrors.isRefusedValue(e)) {
            LOGGER.log(Level.WARNING, () -> "The database refused a value: " + DatabaseErrors.describe(e));
            return new ProblemException(400, "The database refused a value of this request (too long, or a"
                    + " character it cannot store)");
        }
        LOGGER.log(Level.WARNING, () -> "Database error: " + DatabaseErrors.describe(e));
        return new ProblemException(503, "The task store is temporarily unavailable");
    }

    /** A task as the API shows it: never its owner, who is always the caller. */
    private ObjectNode toJson(Task task) {
        ObjectNode node = json.createObjectNode();
        node.put("id", task.id());
        node.put("title", task.title());
        node.put("description", task.description());
        node.put("completed", task.completed());
        node.put("createdAt", task.createdAt().toString());
        node.put("updatedAt", task.updatedAt().toString());
        return node;
    }

    private ObjectNode toJson(AuthenticatedUser user) {
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
        node.put("credential", user.credential().name());
        if (user.clientId() != null) {
            node.put("clientId", user.clientId());
            node.set("scopes", json.valueToTree(user.scopes().stream().sorted().toList()));
        }
        node.set("claims", json.valueToTree(user.claims()));
        return node;
    }
}

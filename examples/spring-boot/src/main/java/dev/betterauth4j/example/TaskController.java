package dev.betterauth4j.example;

import dev.betterauth4j.core.AuthenticatedUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** The task API: every endpoint but {@code /health} sees the caller as an {@link AuthenticatedUser}. */
@RestController
public class TaskController {

    private final TaskStore tasks;

    /**
     * The API over a store.
     *
     * @param tasks the store
     */
    public TaskController(TaskStore tasks) {
        this.tasks = tasks;
    }

    /**
     * Public: whether the application is up.
     *
     * @return {@code up}
     */
    @GetMapping("/health")
    public Map<String, String> health() {
        return Map.of("status", "up");
    }

    /**
     * Who is calling, as Better Auth says.
     *
     * @param user the caller
     * @return their id, email and kind of credential
     */
    // snippet:principal:begin
    @GetMapping("/api/me")
    public Map<String, Object> me(@AuthenticationPrincipal AuthenticatedUser user) {
        return Map.of("id", user.id(), "email", String.valueOf(user.email()),
                "credential", user.credential().name());
    }
    // snippet:principal:end

    /**
     * The caller's tasks.
     *
     * @param user the caller
     * @return their tasks, oldest first
     */
    @GetMapping("/api/tasks")
    public List<TaskStore.Task> list(@AuthenticationPrincipal AuthenticatedUser user) {
        return tasks.of(user.id());
    }

    /**
     * Adds a task for the caller.
     *
     * @param user the caller
     * @param task the task's title
     * @return the new task
     */
    @PostMapping("/api/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    public TaskStore.Task add(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody Map<String, String> task) {
        String title = task.get("title");
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "title: 1 to 200 characters");
        }
        return tasks.add(user.id(), title);
    }

    /**
     * Deletes anyone's task: admins only (the chain's rule, and here again at the method).
     *
     * @param id the task's id
     */
    @DeleteMapping("/api/tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('admin')")
    public void delete(@PathVariable("id") long id) {
        if (!tasks.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}

package dev.betterauth4j.example;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tasks in memory, by owner (the Better Auth user id). */
@Component
public class TaskStore {

    /**
     * A task.
     *
     * @param id    its id
     * @param owner the Better Auth user who added it
     * @param title what to do
     */
    public record Task(long id, String owner, String title) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Task> tasks = new ConcurrentHashMap<>();

    /** An empty store. */
    public TaskStore() {
    }

    /**
     * A user's tasks.
     *
     * @param owner the user id
     * @return their tasks, oldest first
     */
    public List<Task> of(String owner) {
        List<Task> mine = new ArrayList<>();
        tasks.values().stream().filter(task -> task.owner().equals(owner))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(mine::add);
        return mine;
    }

    /**
     * Adds a task.
     *
     * @param owner the user id
     * @param title what to do
     * @return the task
     */
    public Task add(String owner, String title) {
        Task task = new Task(ids.incrementAndGet(), owner, title);
        tasks.put(task.id(), task);
        return task;
    }

    /**
     * Deletes a task.
     *
     * @param id its id
     * @return whether it existed
     */
    public boolean delete(long id) {
        return tasks.remove(id) != null;
    }
}

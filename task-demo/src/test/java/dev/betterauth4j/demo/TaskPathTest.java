package dev.betterauth4j.demo;

import dev.betterauth4j.demo.TaskPath.Route;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each path below {@code /api} names, for alice: the table {@link TaskApiServlet} routes on. */
class TaskPathTest {

    private static final String CALLER = "alice";

    @ParameterizedTest(name = "{0} names {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/me                             | ME     | 0",
            "/tasks                          | TASKS  | 0",
            "/tasks/                         | TASKS  | 0",
            "/tasks/7                        | TASK   | 7",
            "/tasks/007                      | TASK   | 7",
            "/tasks/999999999999999999       | TASK   | 999999999999999999",
            "/tasks/7/complete               | TOGGLE | 7",
            "/alice/tasks                    | TASKS  | 0",
            "/alice/tasks/                   | TASKS  | 0",
            "/alice/tasks/7                  | TASK   | 7",
            "/alice/tasks/7/complete         | TOGGLE | 7"})
    void namesARoute(String path, Route route, long taskId) throws ProblemException {
        assertThat(TaskPath.parse(path, CALLER)).isEqualTo(new TaskPath(route, taskId));
    }

    @ParameterizedTest(name = "{0} is 404: {1}")
    @CsvSource(delimiter = '|', nullValues = "(none)", value = {
            "(none)                          | 'No such resource: '",
            "''                              | 'No such resource: '",
            "/                               | No such resource: /",
            "/me/                            | No such resource: /me/",
            "/nothing-here                   | No such resource: /nothing-here",
            "//tasks                         | No such resource: //tasks",
            "/tasks/abc                      | No such task",
            "/tasks/0                        | No such task",
            "/tasks/-1                       | No such task",
            "/tasks/+1                       | No such task",
            "/tasks/1234567890123456789      | No such task",
            "/tasks/abc/complete             | No such task",
            "/tasks/7/                       | No such resource",
            "/tasks/7/done                   | No such resource",
            "/tasks/7/complete/              | No such resource",
            "/tasks/tasks                    | No such task",
            "/alice/tasks/abc                | No such task",
            "/alice/tasks/7/complete/x       | No such resource"})
    void namesNothingElse(String path, String detail) {
        assertThatThrownBy(() -> TaskPath.parse(path, CALLER)).isInstanceOfSatisfying(ProblemException.class,
                refusal -> assertThat(refusal.problem()).isEqualTo(new Problem(404, detail)));
    }

    /** The path's user is compared with the caller before the rest of the path is looked at. */
    @ParameterizedTest(name = "{0} is 403")
    @CsvSource({"/bob/tasks", "/bob/tasks/", "/bob/tasks/7", "/bob/tasks/7/complete", "/bob/tasks/abc",
            "/bob/tasks/7/anything/else", "/Alice/tasks", "/me/tasks", "/alice%20/tasks"})
    void refusesAPathNamingAnotherUser(String path) {
        assertThatThrownBy(() -> TaskPath.parse(path, CALLER)).isInstanceOfSatisfying(ProblemException.class,
                refusal -> assertThat(refusal.problem())
                        .isEqualTo(new Problem(403, "These tasks belong to another user")));
    }
}

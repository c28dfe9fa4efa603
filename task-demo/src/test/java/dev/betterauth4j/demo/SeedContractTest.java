package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's four promises: no token → 401; an invalid token → 401; a valid token → allowed; and user A cannot
 * read, change or delete user B's tasks through any endpoint, with B's data unchanged afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedContractTest {

    RunningDemo demo;
    long bobsTask;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        demo = RunningDemo.devMode(dir);
        bobsTask = demo.create(demo.bob, "bob's secret plan");
        demo.json("PATCH", "/api/tasks/" + bobsTask, demo.bob, "{\"description\":\"only bob may read this\"}");
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    @Test
    void noTokenIs401() throws Exception {
        HttpResponse<String> response = demo.get("/api/tasks", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
    }

    @Test
    void anInvalidTokenIs401() throws Exception {
        String forged = demo.alice.substring(0, demo.alice.lastIndexOf('.') + 1) + "AAAA";

        HttpResponse<String> response = demo.get("/api/tasks", forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("error=\"invalid_token\""));
    }

    @Test
    void aValidTokenIsAllowed() throws Exception {
        HttpResponse<String> response = demo.get("/api/tasks", demo.alice);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    Stream<Arguments> everyWayToReachBobsTask() {
        String task = "/api/tasks/" + bobsTask;
        String bobs = "/api/bob/tasks";
        String seedTask = bobs + "/" + bobsTask;
        String aliceRouteToBobsTask = "/api/alice/tasks/" + bobsTask;
        return Stream.of(
                Arguments.of("GET", task, null),
                Arguments.of("PUT", task, "{\"title\":\"hacked\"}"),
                Arguments.of("PATCH", task, "{\"completed\":true}"),
                Arguments.of("DELETE", task, null),
                Arguments.of("GET", bobs, null),
                Arguments.of("POST", bobs, "{\"title\":\"planted\"}"),
                Arguments.of("GET", seedTask, null),
                Arguments.of("PUT", seedTask, "{\"title\":\"hacked\"}"),
                Arguments.of("PATCH", seedTask, "{\"title\":\"hacked\"}"),
                Arguments.of("DELETE", seedTask, null),
                Arguments.of("PATCH", seedTask + "/complete", null),
                Arguments.of("GET", aliceRouteToBobsTask, null),
                Arguments.of("PUT", aliceRouteToBobsTask, "{\"title\":\"hacked\"}"),
                Arguments.of("PATCH", aliceRouteToBobsTask, "{\"completed\":true}"),
                Arguments.of("DELETE", aliceRouteToBobsTask, null),
                Arguments.of("PATCH", aliceRouteToBobsTask + "/complete", null),
                Arguments.of("PATCH", task + "/complete", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyWayToReachBobsTask")
    void aliceCannotReadChangeOrDeleteBobsTask(String method, String path, String body) throws Exception {
        String before = demo.get("/api/tasks", demo.bob).body();

        HttpResponse<String> response = body == null ? demo.send(method, path, demo.alice, null, null)
                : demo.json(method, path, demo.alice, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("secret plan").doesNotContain("only bob");
        assertThat(demo.get("/api/tasks", demo.bob).body()).isEqualTo(before);
    }

    @Test
    void aliceNeverSeesBobsTaskInHerList() throws Exception {
        JsonNode list = RunningDemo.body(demo.get("/api/tasks", demo.alice));

        assertThat(list.findValuesAsText("title")).doesNotContain("bob's secret plan");
        assertThat(RunningDemo.body(demo.get("/api/alice/tasks", demo.alice)).findValuesAsText("title"))
                .doesNotContain("bob's secret plan");
    }

    @Test
    void aliceCannotCreateATaskForBobByNamingHimInTheBody() throws Exception {
        String before = demo.get("/api/tasks", demo.bob).body();
        for (String field : new String[] {"userId", "user_id", "owner"}) {
            HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice,
                    "{\"title\":\"planted\",\"" + field + "\":\"bob\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains(field);
        }
        assertThat(demo.get("/api/tasks", demo.bob).body()).isEqualTo(before);
    }

    @Test
    void aUserIdInThePathThatIsNotTheCallerIs403BeforeAnyDataIsTouched() throws Exception {
        // A task id that does not exist and a body that is invalid: still 403, nothing was looked up or parsed.
        assertThat(demo.get("/api/bob/tasks/999999", demo.alice).statusCode()).isEqualTo(403);
        assertThat(demo.json("POST", "/api/bob/tasks", demo.alice, "not json").statusCode()).isEqualTo(403);
        assertThat(demo.get("/api/nobody/tasks", demo.alice).statusCode()).isEqualTo(403);
    }

    @Test
    void bobStillHasHisTaskAfterEverything() throws Exception {
        JsonNode task = RunningDemo.body(demo.get("/api/tasks/" + bobsTask, demo.bob));

        assertThat(task.get("title").asText()).isEqualTo("bob's secret plan");
        assertThat(task.get("description").asText()).isEqualTo("only bob may read this");
        assertThat(task.get("completed").asBoolean()).isFalse();
    }
}

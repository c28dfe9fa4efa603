package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, read, update, delete and list, on both route families. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiTest {

    RunningDemo demo;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        demo = RunningDemo.devMode(dir);
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    @Test
    void createsATaskWith201LocationAndTheStoredTask() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"  Write the report  \",\"description\":\"by Friday\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode task = RunningDemo.body(response);
        assertThat(response.headers().firstValue("Location")).contains("/api/tasks/" + task.get("id").asLong());
        assertThat(task.get("title").asText()).isEqualTo("Write the report");
        assertThat(task.get("description").asText()).isEqualTo("by Friday");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(Instant.parse(task.get("createdAt").asText())).isAfter(before);
        assertThat(task.get("createdAt").asText()).endsWith("Z").isEqualTo(task.get("updatedAt").asText());
        assertThat(task.has("ownerId")).isFalse();
    }

    @Test
    void readsOneTask() throws Exception {
        long id = demo.create(demo.alice, "read me");

        JsonNode task = RunningDemo.body(demo.get("/api/tasks/" + id, demo.alice));

        assertThat(task.get("id").asLong()).isEqualTo(id);
        assertThat(task.get("title").asText()).isEqualTo("read me");
        assertThat(task.get("description").isNull()).isTrue();
    }

    @Test
    void replacesATaskWithPut() throws Exception {
        long id = demo.create(demo.alice, "old");
        demo.json("PATCH", "/api/tasks/" + id, demo.alice, "{\"description\":\"old description\"}");

        HttpResponse<String> response = demo.json("PUT", "/api/tasks/" + id, demo.alice,
                "{\"title\":\"new\",\"completed\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode task = RunningDemo.body(response);
        assertThat(task.get("title").asText()).isEqualTo("new");
        assertThat(task.get("completed").asBoolean()).isTrue();
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(Instant.parse(task.get("updatedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(task.get("createdAt").asText()));
    }

    @Test
    void patchesOnlyTheGivenFields() throws Exception {
        long id = demo.create(demo.alice, "keep my title");

        JsonNode task = RunningDemo.body(demo.json("PATCH", "/api/tasks/" + id, demo.alice, "{\"completed\":true}"));
        assertThat(task.get("title").asText()).isEqualTo("keep my title");
        assertThat(task.get("completed").asBoolean()).isTrue();

        task = RunningDemo.body(demo.json("PATCH", "/api/tasks/" + id, demo.alice, "{\"description\":\"added\"}"));
        assertThat(task.get("description").asText()).isEqualTo("added");
        task = RunningDemo.body(demo.json("PATCH", "/api/tasks/" + id, demo.alice, "{\"description\":null}"));
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(task.get("completed").asBoolean()).isTrue();
    }

    @Test
    void acceptsATaskSentBackWithItsReadOnlyFields() throws Exception {
        long id = demo.create(demo.alice, "round trip");
        String fetched = demo.get("/api/tasks/" + id, demo.alice).body().replace("round trip", "edited");

        assertThat(demo.json("PUT", "/api/tasks/" + id, demo.alice, fetched).statusCode()).isEqualTo(200);
        assertThat(RunningDemo.body(demo.get("/api/tasks/" + id, demo.alice)).get("title").asText()).isEqualTo("edited");
    }

    @Test
    void deletesATaskWith204AndThenItIsGone() throws Exception {
        long id = demo.create(demo.alice, "delete me");

        HttpResponse<String> deleted = demo.send("DELETE", "/api/tasks/" + id, demo.alice, null, null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(demo.get("/api/tasks/" + id, demo.alice).statusCode()).isEqualTo(404);
        assertThat(demo.send("DELETE", "/api/tasks/" + id, demo.alice, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void listsTheCallersTasksFilteredAndPaged() throws Exception {
        String carol = demo.demo.devTokens().issue(new DevTokenIssuer.DevUser("carol", "Carol", "carol@example.com"));
        long first = demo.create(carol, "one");
        long second = demo.create(carol, "two");
        long third = demo.create(carol, "three");
        demo.json("PATCH", "/api/tasks/" + second, carol, "{\"completed\":true}");

        HttpResponse<String> all = demo.get("/api/tasks", carol);
        assertThat(RunningDemo.body(all).findValuesAsText("title")).containsExactly("one", "two", "three");
        assertThat(all.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(RunningDemo.body(demo.get("/api/tasks?completed=true", carol)).findValuesAsText("title"))
                .containsExactly("two");
        assertThat(RunningDemo.body(demo.get("/api/tasks?completed=false", carol)).findValuesAsText("title"))
                .containsExactly("one", "three");
        HttpResponse<String> page = demo.get("/api/tasks?limit=1&offset=1", carol);
        assertThat(RunningDemo.body(page).findValues("id")).extracting(JsonNode::asLong).containsExactly(second);
        assertThat(page.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(RunningDemo.body(demo.get("/api/tasks?offset=5", carol))).isEmpty();
        assertThat(first).isLessThan(third);
    }

    @Test
    void servesTheSeedRoutesForTheCallersOwnUserId() throws Exception {
        HttpResponse<String> created = demo.json("POST", "/api/alice/tasks", demo.alice, "{\"title\":\"seed route\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = RunningDemo.body(created).get("id").asLong();

        assertThat(RunningDemo.body(demo.get("/api/alice/tasks", demo.alice)).findValuesAsText("title"))
                .contains("seed route");
        assertThat(RunningDemo.body(demo.get("/api/alice/tasks/" + id, demo.alice)).get("title").asText())
                .isEqualTo("seed route");
        assertThat(demo.json("PUT", "/api/alice/tasks/" + id, demo.alice, "{\"title\":\"renamed\"}").statusCode())
                .isEqualTo(200);
        assertThat(demo.json("PATCH", "/api/alice/tasks/" + id, demo.alice, "{\"description\":\"d\"}").statusCode())
                .isEqualTo(200);

        JsonNode toggled = RunningDemo.body(demo.send("PATCH", "/api/alice/tasks/" + id + "/complete", demo.alice,
                null, null));
        assertThat(toggled.get("completed").asBoolean()).isTrue();
        toggled = RunningDemo.body(demo.send("PATCH", "/api/alice/tasks/" + id + "/complete", demo.alice, null, null));
        assertThat(toggled.get("completed").asBoolean()).isFalse();

        assertThat(demo.send("DELETE", "/api/alice/tasks/" + id, demo.alice, null, null).statusCode()).isEqualTo(204);
        assertThat(demo.get("/api/alice/tasks/" + id, demo.alice).statusCode()).isEqualTo(404);
    }

    @Test
    void meReturnsTheVerifiedUser() throws Exception {
        JsonNode me = RunningDemo.body(demo.get("/api/me", demo.alice));

        assertThat(me.get("id").asText()).isEqualTo("alice");
        assertThat(me.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(me.get("name").asText()).isEqualTo("Alice");
        assertThat(me.get("emailVerified").asBoolean()).isTrue();
        assertThat(me.get("issuer").asText()).isEqualTo(demo.demo.baseUrl().toString());
        assertThat(me.get("claims").get("sub").asText()).isEqualTo("alice");
    }

    @Test
    void healthIsPublicAndChecksTheDatabase() throws Exception {
        HttpResponse<String> health = demo.get("/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(RunningDemo.body(health).get("database").asText()).isEqualTo("UP");
    }
}

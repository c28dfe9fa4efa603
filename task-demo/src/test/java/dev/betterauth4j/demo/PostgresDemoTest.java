package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo on a real PostgreSQL server. Runs when {@code DEMO_TEST_POSTGRES_URL} names a JDBC URL of a database
 * this test may wipe (.ci/run starts a throwaway PostgreSQL when the machine has one).
 */
@EnabledIfEnvironmentVariable(named = "DEMO_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDemoTest {

    private final String url = System.getenv("DEMO_TEST_POSTGRES_URL");
    private RunningDemo demo;

    @BeforeAll
    void start() throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS tasks");
        }
        demo = RunningDemo.start(Map.of("DATABASE_URL", url));
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void scopesTasksPerUserOnPostgres() throws Exception {
        long bobs = demo.create(demo.bob, "bob on postgres");

        assertThat(demo.get("/api/tasks/" + bobs, demo.alice).statusCode()).isEqualTo(403);
        assertThat(demo.json("PATCH", "/api/tasks/" + bobs, demo.alice, "{\"completed\":true}").statusCode()).isEqualTo(403);
        assertThat(demo.send("DELETE", "/api/bob/tasks/" + bobs, demo.alice, null, null).statusCode()).isEqualTo(403);
        assertThat(RunningDemo.body(demo.get("/api/tasks/" + bobs, demo.bob)).get("completed").asBoolean()).isFalse();
    }

    @Test
    void crudAndTogglingWorkOnPostgres() throws Exception {
        long id = demo.create(demo.alice, "pg task");
        JsonNode patched = RunningDemo.body(demo.json("PATCH", "/api/tasks/" + id, demo.alice,
                "{\"description\":\"d\",\"completed\":true}"));
        assertThat(patched.get("description").asText()).isEqualTo("d");
        JsonNode toggled = RunningDemo.body(demo.send("PATCH", "/api/alice/tasks/" + id + "/complete", demo.alice,
                null, null));
        assertThat(toggled.get("completed").asBoolean()).isFalse();
        JsonNode replaced = RunningDemo.body(demo.json("PUT", "/api/tasks/" + id, demo.alice, "{\"title\":\"pg2\"}"));
        assertThat(replaced.get("description").isNull()).isTrue();
        assertThat(RunningDemo.body(demo.get("/api/tasks?completed=false&limit=100", demo.alice)).findValuesAsText("title"))
                .contains("pg2");
        assertThat(demo.send("DELETE", "/api/tasks/" + id, demo.alice, null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void concurrentCreatesLoseNothingOnPostgres() throws Exception {
        String dave = demo.demo.devTokens().issue(new DevTokenIssuer.DevUser("dave", "Dave", "dave@example.com"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ids.add(demo.create(dave, "c" + i));
                }
                return ids;
            }));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<List<Long>> worker : workers) {
            ids.addAll(worker.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(ids).hasSize(1600);
        HttpResponse<String> list = demo.get("/api/tasks?limit=1", dave);
        assertThat(list.headers().firstValue("X-Total-Count")).contains("1600");
    }

    @Test
    void postgresCountsAVarcharLengthInCodePoints() throws Exception {
        String emoji = "\uD83D\uDE00";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS column_length");
            statement.execute("CREATE TABLE column_length (v VARCHAR(200))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO column_length VALUES (?)")) {
                insert.setString(1, emoji.repeat(200));
                insert.executeUpdate();
                insert.setString(1, emoji.repeat(201));
                assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22001"));
            } finally {
                statement.execute("DROP TABLE column_length");
            }
        }
    }

    @Test
    void acceptsATitleOf100EmojiIntactButRefuses101With400OnPostgres() throws Exception {
        String emoji = "\uD83D\uDE00";
        long id = demo.create(demo.alice, emoji.repeat(100));

        assertThat(RunningDemo.body(demo.get("/api/tasks/" + id, demo.alice)).get("title").asText())
                .isEqualTo(emoji.repeat(100));
        assertThat(demo.json("POST", "/api/tasks", demo.alice, "{\"title\":\"" + emoji.repeat(101) + "\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void refusesANulCharacterInADescriptionWith400OnPostgres() throws Exception {
        HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"nul\",\"description\":\"a\\u0000b\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningDemo.body(response).get("errors").get(0).get("field").asText()).isEqualTo("description");
    }

    @Test
    void refusesAnUnpairedSurrogateWith400OnPostgresInsteadOfStoringAQuestionMark() throws Exception {
        assertThat(demo.json("POST", "/api/tasks", demo.alice, "{\"title\":\"half \\ud83d\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void tasksSurviveARestartOnPostgres() throws Exception {
        long id = demo.create(demo.alice, "durable on postgres");
        demo.close();
        demo = RunningDemo.start(Map.of("DATABASE_URL", url));

        assertThat(RunningDemo.body(demo.get("/api/tasks/" + id, demo.alice)).get("title").asText())
                .isEqualTo("durable on postgres");
    }
}

package dev.betterauth4j.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value that passes validation but that the database still refuses (here: a column narrower than the demo's
 * schema, as a database created by hand might have) is the request's fault, not an outage, and its text never
 * reaches the log.
 */
class DatabaseRefusalTest {

    private static final String SECRET_TEXT = "my bank PIN is 4321";

    @TempDir
    Path dir;
    RunningDemo demo;
    /** Held, so the logger (and the handler on it) lives as long as the test. */
    final Logger demoLogs = Logger.getLogger("dev.betterauth4j");
    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        demo = RunningDemo.devMode(dir);
        try (Connection connection = DriverManager.getConnection(RunningDemo.h2(dir) + ";DB_CLOSE_ON_EXIT=FALSE");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE tasks ALTER COLUMN description SET DATA TYPE VARCHAR(10)");
        }
        demoLogs.addHandler(capture);
    }

    @AfterEach
    void stop() {
        demoLogs.removeHandler(capture);
        demo.close();
    }

    @Test
    void aValueTheDatabaseRefusesIs400NotTheStoreIsUnavailable() throws Exception {
        HttpResponse<String> response = demo.json("POST", "/api/tasks", demo.alice,
                "{\"title\":\"t\",\"description\":\"" + SECRET_TEXT + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(RunningDemo.body(response).get("status").asInt()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(SECRET_TEXT).doesNotContain("Exception");
    }

    @Test
    void neverLogsTheTextOfARefusedTaskOnlyTheSqlState() throws Exception {
        demo.json("POST", "/api/tasks", demo.alice, "{\"title\":\"t\",\"description\":\"" + SECRET_TEXT + "\"}");

        assertThat(logged).extracting(LogRecord::getMessage).anySatisfy(
                message -> assertThat(message).contains("SQLState 22001"));
        assertThat(logged).extracting(LogRecord::getMessage).noneSatisfy(
                message -> assertThat(message).contains("4321"));
        assertThat(logged).extracting(LogRecord::getThrown).containsOnlyNulls();
    }
}

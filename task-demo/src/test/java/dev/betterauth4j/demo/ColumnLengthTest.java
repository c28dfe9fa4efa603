package dev.betterauth4j.demo;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What H2 counts in a {@code VARCHAR(n)}: UTF-16 code units, so an emoji outside the Basic Multilingual Plane takes
 * two of the {@code n}. This is why the API's limits count UTF-16 code units (PostgreSQL counts code points, never
 * more: {@link PostgresDemoTest#postgresCountsAVarcharLengthInCodePoints}).
 */
class ColumnLengthTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void h2CountsAVarcharLengthInUtf16CodeUnits() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:column-length");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v VARCHAR(200))");

            insert(connection, EMOJI.repeat(100));
            assertThatThrownBy(() -> insert(connection, EMOJI.repeat(101))).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22001"));
        }
    }

    private static void insert(Connection connection, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            insert.setString(1, value);
            insert.executeUpdate();
        }
    }
}

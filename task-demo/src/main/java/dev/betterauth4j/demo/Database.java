package dev.betterauth4j.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Opens the connection pool for {@code DATABASE_URL}: a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql:...})
 * or the {@code postgres://user:password@host:port/db} form that hosting platforms hand out.
 */
final class Database {

    /** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1): another process holds the file. */
    static final int H2_DATABASE_IN_USE = 90020;

    private Database() {
    }

    static HikariDataSource open(DemoConfig config) {
        String url = config.databaseUrl();
        String user = config.databaseUser();
        String password = config.databasePassword();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = parse(url);
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null && user == null) {
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? password : decode(userInfo.substring(colon + 1));
            }
            url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } else if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("DATABASE_URL: must be a JDBC URL (jdbc:h2:..., jdbc:postgresql:...) or"
                    + " postgres://user:password@host/db");
        }
        if (url.startsWith("jdbc:h2:") && !url.contains("DB_CLOSE_ON_EXIT")) {
            // The demo closes the database itself after the last request; H2's own shutdown hook must not race it.
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        if (user != null) {
            pool.setUsername(user);
        }
        if (password != null) {
            pool.setPassword(password);
        }
        pool.setPoolName("task-demo");
        pool.setMaximumPoolSize(10);
        pool.setConnectionTimeout(5_000);
        // A database server may still be starting (give it 10 s); an embedded H2 file opens now or not at all.
        pool.setInitializationFailTimeout(isEmbeddedH2(url) ? 1 : 10_000);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            if (isEmbeddedH2(url) && hasErrorCode(e, H2_DATABASE_IN_USE)) {
                throw new StartFailure("the database " + h2Path(url) + " is in use by another process (another"
                        + " task-demo?): stop that process, or set DATABASE_URL to another database");
            }
            throw e;
        }
    }

    /** An H2 database this process opens itself: a file, not a server ({@code tcp:}, {@code ssl:}) or memory. */
    private static boolean isEmbeddedH2(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                && !url.startsWith("jdbc:h2:mem:");
    }

    /** The database file's path as the user wrote it ({@code ./data/tasks}), for messages. */
    private static String h2Path(String url) {
        String path = describe(url).substring("jdbc:h2:".length());
        return path.startsWith("file:") ? path.substring("file:".length()) : path;
    }

    private static boolean hasErrorCode(Throwable failure, int errorCode) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == errorCode) {
                return true;
            }
        }
        return false;
    }

    /** The URL without credentials, for logs. */
    static String describe(String url) {
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            try {
                URI uri = new URI(url);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                        + uri.getPath();
            } catch (URISyntaxException e) {
                return "(invalid URL)";
            }
        }
        int parameters = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL: not a valid URL");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

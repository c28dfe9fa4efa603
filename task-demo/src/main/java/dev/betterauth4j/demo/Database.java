package dev.betterauth4j.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Opens the connection pool for {@code DATABASE_URL}: a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql:...})
 * or the {@code postgres://user:password@host:port/db} form that hosting platforms hand out.
 */
final class Database {

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
        pool.setInitializationFailTimeout(10_000);
        return new HikariDataSource(pool);
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

package dev.betterauth4j.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures {@code java.util.logging} records (where {@code System.Logger}, and so betterauth4j, logs by default, and
 * where Tomcat logs): betterauth4j's own at every level, down to DEBUG/FINEST, and every other library's at the level
 * it logs at by default (INFO and up), as in a production deployment.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("dev.betterauth4j");
    private final Level previousLevel;
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture() {
        setLevel(Level.ALL);
        previousLevel = ours.getLevel();
        ours.setLevel(Level.ALL);
        root.addHandler(this);
    }

    /** Starts capturing; close to stop. */
    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Every record as its formatted text, message parameters and exception (with causes) included. */
    public List<String> texts() {
        return records.stream().map(formatter::format).toList();
    }

    public long count(Level level, String containing) {
        return records.stream().filter(r -> r.getLevel().equals(level))
                .filter(r -> formatter.formatMessage(r).contains(containing)).count();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        ours.setLevel(previousLevel);
    }
}

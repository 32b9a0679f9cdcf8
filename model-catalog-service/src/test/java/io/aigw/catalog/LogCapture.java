package io.aigw.catalog;

import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** A JUL handler on the root logger that keeps the text of every record (message, parameters, formatted). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final StringBuilder text = new StringBuilder();
    private final Logger root = Logger.getLogger("");

    public LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        text.append(record.getLoggerName()).append(' ').append(record.getMessage()).append('\n');
        if (record instanceof ExtLogRecord ext) {
            text.append(ext.getFormattedMessage()).append('\n');
        }
        if (record.getParameters() != null) {
            text.append(Arrays.toString(record.getParameters())).append('\n');
        }
        if (record.getThrown() != null) {
            text.append(record.getThrown()).append('\n');
        }
    }

    public synchronized String text() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}

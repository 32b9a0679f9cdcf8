package io.aigw.kit.problem;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.JDBCException;

/**
 * Classifies a failure by its cause chain, whatever wraps it (Hibernate, Mutiny, Vert.x): each PostgreSQL
 * failure class that the admin APIs answer other than 500.
 */
public final class DatabaseFailures {

    /** What a database failure means to a caller. */
    public enum Kind {
        /** 23505: a concurrent or repeated create of the same id or name. */
        UNIQUE_VIOLATION,
        /** 40001, 40P01 or 55P03 (a NOWAIT lock taken): the transaction lost a race; 409, the client retries. */
        SERIALIZATION,
        /** 22021, 22P05: text PostgreSQL cannot store (NUL, invalid UTF-8). */
        UNSTORABLE_TEXT,
        /** The database cannot be reached: 503 with Retry-After. */
        UNAVAILABLE
    }

    private DatabaseFailures() {
    }

    public static Optional<Kind> classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = sqlState(cause);
            if (state != null) {
                Kind kind = bySqlState(state);
                if (kind != null) {
                    return Optional.of(kind);
                }
            }
            if (isUnreachable(cause)) {
                return Optional.of(Kind.UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    /**
     * The column of a unique violation, from PostgreSQL's detail ({@code Key (name)=(…) already exists}, in the
     * PostgreSQL exception or a wrapper's message), as a camel-case field name; the value itself is never returned.
     */
    public static Optional<String> uniqueField(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = cause instanceof PgException pg ? pg.getDetail() : cause.getMessage();
            java.util.regex.Matcher m = text == null ? null : KEY.matcher(text);
            if (m != null && m.find()) {
                return Optional.of(camel(m.group(1)));
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("Key \\(([a-z_]+)\\)=");

    private static String camel(String column) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    public static boolean is(Throwable failure, Kind kind) {
        return classify(failure).filter(kind::equals).isPresent();
    }

    private static String sqlState(Throwable cause) {
        if (cause instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (cause instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (cause instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static Kind bySqlState(String state) {
        return switch (state) {
            case "23505" -> Kind.UNIQUE_VIOLATION;
            case "40001", "40P01", "55P03" -> Kind.SERIALIZATION;
            case "22021", "22P05" -> Kind.UNSTORABLE_TEXT;
            case "57P01", "57P02", "57P03", "53300" -> Kind.UNAVAILABLE;
            default -> state.startsWith("08") ? Kind.UNAVAILABLE : null;
        };
    }

    /** Connection refused or reset, or the pool could not hand out a connection in time. */
    private static boolean isUnreachable(Throwable cause) {
        if (cause instanceof ConnectException) {
            return true;
        }
        String message = cause.getMessage();
        if (message == null) {
            return false;
        }
        String name = cause.getClass().getName();
        return (name.startsWith("io.vertx") || name.startsWith("io.netty"))
                && (message.contains("Connection refused") || message.contains("Connection reset")
                        || message.contains("Pool closed") || message.contains("Timeout"));
    }
}

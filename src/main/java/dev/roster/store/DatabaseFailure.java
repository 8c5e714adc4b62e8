package dev.roster.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

/**
 * What a failed database call means for the client, read from PostgreSQL's SQLSTATE wherever the driver or Hibernate
 * wrapped it: the Vert.x {@link PgException}, Hibernate's {@code JDBCException} family (its
 * {@code ConstraintViolationException} included) and {@link SQLException} all carry one (issue 10, item 4). Failures
 * without a SQLSTATE are told apart by the connection errors the reactive client raises.
 */
public enum DatabaseFailure {
    /** 23505: a unique index refused a row that a concurrent request wrote first. */
    UNIQUE_VIOLATION,
    /** 23503: a row this write refers to was deleted concurrently. */
    FOREIGN_KEY_VIOLATION,
    /** 40001 serialization failure, 40P01 deadlock, 55P03 lock not available: worth running the transaction again. */
    TRANSIENT_CONFLICT,
    /** 22021, 22P05: text PostgreSQL cannot store (a NUL character, say) that got past input validation. */
    UNSTORABLE_TEXT,
    /** The database cannot be reached: refused, reset or closed connections, SQLSTATE class 08, 57P01-57P03, 53300. */
    UNAVAILABLE,
    /** Anything else: a server error. */
    OTHER;

    private static final int MAX_DEPTH = 16;

    public static DatabaseFailure of(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            String sqlState = sqlState(current);
            if (sqlState != null) {
                return ofSqlState(sqlState);
            }
            if (current instanceof StaleWrite) {
                return TRANSIENT_CONFLICT;
            }
            if (current instanceof SocketException || current instanceof ClosedConnectionException
                    || current instanceof ClosedChannelException) {
                return UNAVAILABLE;
            }
            current = current.getCause();
        }
        return OTHER;
    }

    public static DatabaseFailure ofSqlState(String sqlState) {
        return switch (sqlState) {
            case "23505" -> UNIQUE_VIOLATION;
            case "23503" -> FOREIGN_KEY_VIOLATION;
            case "40001", "40P01", "55P03" -> TRANSIENT_CONFLICT;
            case "22021", "22P05" -> UNSTORABLE_TEXT;
            case "57P01", "57P02", "57P03", "53300" -> UNAVAILABLE;
            default -> sqlState.startsWith("08") ? UNAVAILABLE : OTHER;
        };
    }

    /** Whether a unique index refused the write (the caller names what was taken). */
    public static boolean isUniqueViolation(Throwable failure) {
        return of(failure) == UNIQUE_VIOLATION;
    }

        /** Whether running the whole transaction again may succeed. */
    public static boolean isTransientConflict(Throwable failure) {
        return of(failure) == TRANSIENT_CONFLICT;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null) {
            return jdbc.getSQLState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}

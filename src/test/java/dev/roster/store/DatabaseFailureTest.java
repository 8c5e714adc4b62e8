package dev.roster.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLSTATEs to client meanings (issue 10, item 4), however the reactive driver or Hibernate wrapped them. */
class DatabaseFailureTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "23505, UNIQUE_VIOLATION",
            "23503, FOREIGN_KEY_VIOLATION",
            "40001, TRANSIENT_CONFLICT",
            "40P01, TRANSIENT_CONFLICT",
            "55P03, TRANSIENT_CONFLICT",
            "22021, UNSTORABLE_TEXT",
            "22P05, UNSTORABLE_TEXT",
            "08006, UNAVAILABLE",
            "08001, UNAVAILABLE",
            "57P01, UNAVAILABLE",
            "53300, UNAVAILABLE",
            "42P01, OTHER",
            "23502, OTHER",
    })
    void classifiesSqlStates(String sqlState, DatabaseFailure expected) {
        assertEquals(expected, DatabaseFailure.ofSqlState(sqlState));
    }

    @Test
    void readsTheSqlStateOfEveryWrapperHibernateReactiveUses() {
        // Hibernate Reactive reports a refused insert as ConstraintViolationException over a java.sql.SQLException.
        SQLException sql = new SQLException("duplicate key value violates unique constraint", "23505");
        assertEquals(DatabaseFailure.UNIQUE_VIOLATION, DatabaseFailure.of(
                new CompletionException(new ConstraintViolationException("insert failed", sql, "insert ...", "uq"))));
        assertEquals(DatabaseFailure.UNIQUE_VIOLATION, DatabaseFailure.of(sql));
        assertEquals(DatabaseFailure.TRANSIENT_CONFLICT, DatabaseFailure.of(
                new LockAcquisitionException("deadlock", new SQLException("deadlock detected", "40P01"))));
        assertEquals(DatabaseFailure.FOREIGN_KEY_VIOLATION, DatabaseFailure.of(
                new IllegalStateException(new PgException("fk", "ERROR", "23503", "detail"))));
    }

    @Test
    void connectionFailuresAreOutages() {
        assertEquals(DatabaseFailure.UNAVAILABLE, DatabaseFailure.of(new CompletionException(
                new ConnectException("Connection refused"))));
        assertEquals(DatabaseFailure.UNAVAILABLE, DatabaseFailure.of(new SocketException("Connection reset by peer")));
        assertEquals(DatabaseFailure.UNAVAILABLE, DatabaseFailure.of(ClosedConnectionException.INSTANCE));
    }

    @Test
    void anythingElseIsAServerError() {
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(new IllegalStateException("boom")));
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(null));
        assertTrue(DatabaseFailure.isTransientConflict(new PgException("x", "ERROR", "40001", null)));
        assertFalse(DatabaseFailure.isTransientConflict(new PgException("x", "ERROR", "23505", null)));
    }
}

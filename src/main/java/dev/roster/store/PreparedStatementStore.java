package dev.roster.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * What the hot path's stores share (users/UserStore, groups/GroupStore): their statements go through the reactive
 * PostgreSQL client as prepared statements, either on the pool, where each statement is its own transaction, or on one
 * connection inside a transaction, when a write must lock a row before it writes.
 */
public abstract class PreparedStatementStore {

    @Inject
    Pool pool;

    /** Runs {@code work} on the pool: each statement is its own transaction. */
    public <T> Uni<T> autocommit(Function<SqlClient, Uni<T>> work) {
        return work.apply(pool);
    }

    /** Runs {@code work} on one connection in one transaction, committed when it succeeds. */
    public <T> Uni<T> transaction(Function<SqlClient, Uni<T>> work) {
        return pool.withTransaction(work::apply);
    }

    /** A timestamptz parameter (the client binds OffsetDateTime, not Instant). */
    protected static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package dev.roster.export;

import dev.roster.events.EventFeedRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One consistent point in time of a tenant, joined to the feed (issue 15, item 1). Opening it takes two connections:
 * <ol>
 *   <li>the first takes the sequencer's lock (so nobody positions events meanwhile), starts a REPEATABLE READ
 *   transaction (its snapshot is the export's point in time), positions every committed event that snapshot holds,
 *   reads the highest position (the export's cursor) and exports the snapshot;</li>
 *   <li>the second imports that snapshot, read only, and streams the rows from it;</li>
 *   <li>then the first commits and releases the lock: the sequencer goes on, and every event it positions from now on
 *   is of a transaction the snapshot does not hold, at a position after the cursor.</li>
 * </ol>
 * So a host that loads the export and follows the feed after its cursor sees every change exactly once. The lock is
 * held only while the snapshot is opened, never while rows stream.
 */
@ApplicationScoped
public class SnapshotRepository {

    /** Rows fetched from the database at a time: memory stays constant whatever the tenant's size. */
    static final int FETCH = 500;
    /** Every committed event the snapshot holds gets its position (they are at most a few sequencer ticks' worth). */
    static final int POSITION_ALL = Integer.MAX_VALUE;
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]{1,64}");

    @Inject
    Pool pool;
    @Inject
    EventFeedRepository feed;

    /** An open snapshot: the connection and transaction that read from it, and the feed cursor of its point in time. */
    public record Snapshot(SqlConnection reader, Transaction transaction, long cursor) {
    }

    public Uni<Boolean> tenantExists(UUID tenantId) {
        return pool.preparedQuery("select 1 from tenant where id = $1").execute(Tuple.of(tenantId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Snapshot> open() {
        return pool.getConnection().chain(writer -> feed.lockSequencer(writer)
                .chain(() -> writer.begin())
                .chain(positioning -> writer.query("set transaction isolation level repeatable read").execute()
                        .chain(() -> feed.position(writer, POSITION_ALL))
                        .chain(() -> feed.lastPosition(writer))
                        .chain(cursor -> writer.query("select pg_export_snapshot() as id").execute()
                                .map(rows -> rows.iterator().next().getString("id"))
                                .chain(id -> importInto(id, cursor)))
                        .call(positioning::commit)
                        .onFailure().call(() -> positioning.rollback().onFailure().recoverWithNull()))
                .eventually(() -> feed.unlockSequencer(writer).onFailure().recoverWithNull()
                        .eventually(writer::close)));
    }

    private Uni<Snapshot> importInto(String snapshotId, long cursor) {
        if (!SNAPSHOT_ID.matcher(snapshotId).matches()) {
            return Uni.createFrom().failure(new IllegalStateException("unexpected snapshot id"));
        }
        return pool.getConnection().chain(reader -> reader.begin()
                .chain(transaction -> reader.query("set transaction isolation level repeatable read, read only")
                        .execute()
                        .chain(() -> reader.query("set transaction snapshot '" + snapshotId + "'").execute())
                        .map(ignored -> new Snapshot(reader, transaction, cursor)))
                .onFailure().call(reader::close));
    }

    /** The tenant's live users, in id order. */
    public Multi<Row> users(Snapshot snapshot, UUID tenantId) {
        return stream(snapshot, """
                select id, doc::text as doc, active, created, last_modified, version, deactivated_at
                from scim_user where tenant_id = $1 and deleted_at is null order by id""", tenantId);
    }

    /** The tenant's groups, in id order. */
    public Multi<Row> groups(Snapshot snapshot, UUID tenantId) {
        return stream(snapshot, """
                select id, doc::text as doc, created, last_modified, version
                from scim_group where tenant_id = $1 and deleted_at is null order by id""", tenantId);
    }

    /** The tenant's direct memberships, group by group. */
    public Multi<Row> memberships(Snapshot snapshot, UUID tenantId) {
        return stream(snapshot, """
                select group_id, member_id, member_type from scim_group_member where tenant_id = $1
                order by group_id, member_id""", tenantId);
    }

    /** Ends the reading transaction (read only: nothing to keep) and hands the connection back. */
    public Uni<Void> close(Snapshot snapshot) {
        return snapshot.transaction().rollback().onFailure().recoverWithNull()
                .eventually(() -> snapshot.reader().close());
    }

    private static Multi<Row> stream(Snapshot snapshot, String sql, UUID tenantId) {
        return snapshot.reader().prepare(sql).toMulti().flatMap(statement -> statement
                .createStream(FETCH, Tuple.of(tenantId)).toMulti()
                .onTermination().call(() -> statement.close().onFailure().recoverWithNull()));
    }
}

package dev.roster.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox as a feed: positioning committed events (FeedSequencer) and reading them in position order. */
@ApplicationScoped
public class EventFeedRepository {

    /** Arbitrary, fixed: the key of the advisory lock that keeps one sequencer running at a time across pods. */
    static final long SEQUENCER_LOCK = 0x526f73746572L;
    /** Events positioned per run; the next run takes the rest. */
    static final int SEQUENCE_BATCH = 1_000;

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    /**
     * Positions committed events in insertion order after the highest position so far, and creates their webhook
     * deliveries (one per enabled endpoint of the tenant subscribed to the type) in the same transaction, so
     * deliveries follow the feed's order; emits how many events were positioned.
     */
    public Uni<Integer> sequence() {
        // The lock is taken by a statement of its own: in READ COMMITTED each statement sees what committed before it
        // began, so the positioning statement below sees everything the previous holder of the lock committed.
        return pool.withTransaction(connection -> connection.preparedQuery("select pg_try_advisory_xact_lock($1) as held")
                .execute(Tuple.of(SEQUENCER_LOCK))
                .chain(lock -> !lock.iterator().next().getBoolean("held") ? Uni.createFrom().item(0)
                        : position(connection, SEQUENCE_BATCH)));
    }

    /**
     * The positioning step, in the caller's transaction, which must hold the sequencer's lock: up to {@code limit}
     * committed events the transaction sees get the next positions (and their deliveries). The snapshot export runs it
     * too, so that every event its snapshot holds has a position at or below the export's cursor.
     */
    public Uni<Integer> position(SqlConnection connection, int limit) {
        return connection.preparedQuery(POSITION).execute(Tuple.of(limit))
                .map(rows -> rows.iterator().next().getLong("positioned").intValue());
    }

    /** The sequencer's lock, held by a session (the snapshot export) across its own transaction. */
    public Uni<Void> lockSequencer(SqlConnection connection) {
        return connection.preparedQuery("select pg_advisory_lock($1)").execute(Tuple.of(SEQUENCER_LOCK))
                .replaceWithVoid();
    }

    public Uni<Void> unlockSequencer(SqlConnection connection) {
        return connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(SEQUENCER_LOCK))
                .replaceWithVoid();
    }

    /** The highest position the caller's transaction sees (0 when the feed is empty): a cursor for "after all that". */
    public Uni<Long> lastPosition(SqlConnection connection) {
        return connection.query("select coalesce(max(position), 0) as p from outbox_event").execute()
                .map(rows -> rows.iterator().next().getLong("p"));
    }

    private static final String POSITION = """
            with next as (select e.tenant_id, e.id, row_number() over (order by e.insert_order) as n
                          from outbox_event e where e.position is null
                          order by e.insert_order limit $1),
                 -- Positions start after 0 (the feed's "from the start" cursor), whatever else a table may hold.
                 base as (select greatest(coalesce(max(position), 0), 0) as p from outbox_event
                          where position is not null),
                 positioned as (update outbox_event e set position = base.p + next.n
                                from next, base
                                where e.tenant_id = next.tenant_id and e.id = next.id and e.position is null
                                returning e.tenant_id, e.id, e.type, e.resource_id, e.position),
                 deliveries as (insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, resource_id,
                                                              position, state, next_attempt_at, created_at)
                                select p.tenant_id, gen_random_uuid(), w.id, p.id, p.resource_id, p.position,
                                       'pending', now(), now()
                                from positioned p join webhook_endpoint w on w.tenant_id = p.tenant_id
                                where w.enabled and (w.event_types is null or p.type = any(w.event_types))
                                returning 1),
                 -- Every pod's relay listens: deliveries start at once wherever there is room.
                 notified as (select pg_notify('roster_deliveries', '') where exists (select 1 from deliveries))
            select (select count(*) from positioned) as positioned, (select count(*) from notified) as notified""";

    /**
     * Deletes finished deliveries (their attempts cascade) and feed events older than the cutoff, but never an event
     * that still has a pending delivery; one pod at a time. Emits how many events went.
     */
    public Uni<Integer> purgeOlderThan(java.time.Instant cutoff) {
        java.time.OffsetDateTime before = java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery("select pg_try_advisory_xact_lock($1) as held")
                .execute(Tuple.of(SEQUENCER_LOCK + 1))
                .chain(lock -> !lock.iterator().next().getBoolean("held") ? Uni.createFrom().item(0)
                        : connection.preparedQuery("""
                                delete from webhook_delivery where state <> 'pending' and created_at < $1""")
                        .execute(Tuple.of(before))
                        .chain(() -> connection.preparedQuery("""
                                delete from outbox_event e
                                where e.occurred_at < $1 and e.position is not null
                                  and not exists (select 1 from webhook_delivery d where d.tenant_id = e.tenant_id
                                                  and d.event_id = e.id and d.state = 'pending')""")
                                .execute(Tuple.of(before)))
                        .map(rows -> rows.rowCount())));
    }

    /** One tenant's events after a position, in position order. */
    public Uni<List<ObjectNode>> tenantFeed(UUID tenantId, long after, int limit) {
        return pool.preparedQuery(SELECT + " where tenant_id = $1 and position > $2 order by position limit $3")
                .execute(Tuple.of(tenantId, after, limit))
                .map(this::events);
    }

    /**
     * The events about one resource among the tenant's {@code window} most recent ones, newest first: bounded work for a
     * person looking at one user or group (the feed has no index by resource, and the hot path should not pay for one).
     */
    public Uni<List<ObjectNode>> recentOfResource(UUID tenantId, UUID resourceId, int window, int limit) {
        return pool.preparedQuery("select * from (" + SELECT + " where tenant_id = $1 and position is not null"
                        + " order by position desc limit $3) recent where resource_id = $2 order by position desc"
                        + " limit $4")
                .execute(Tuple.of(tenantId, resourceId, window, limit))
                .map(this::events);
    }

    /** Every tenant's events after a position, in position order (each names its tenant). */
    public Uni<List<ObjectNode>> allTenantsFeed(long after, int limit) {
        return pool.preparedQuery(SELECT + " where position > $1 order by position limit $2")
                .execute(Tuple.of(after, limit))
                .map(this::events);
    }

    private static final String SELECT = """
            select tenant_id, id, type, resource_type, resource_id, occurred_at, actor_credential_id, actor_kind,
                   payload::text as payload, position
            from outbox_event""";

    private List<ObjectNode> events(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<ObjectNode> events = new ArrayList<>();
        for (Row row : rows) {
            events.add(EventBodies.body(row.getUUID("id"), row.getString("type"), row.getUUID("tenant_id"),
                    row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                    row.getLong("position"), payload(row.getString("payload")), row.getUUID("actor_credential_id"),
                    row.getString("actor_kind")));
        }
        return events;
    }

    private JsonNode payload(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}

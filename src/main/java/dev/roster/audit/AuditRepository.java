package dev.roster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The admin audit log's table: inserts, pages in time order (all tenants or one), and the retention purge. */
@ApplicationScoped
public class AuditRepository {

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    public Uni<Void> insert(AuditEntry e) {
        // The documents go as text cast to jsonb: a string bound straight to a jsonb parameter is stored as a JSON string.
        return pool.preparedQuery("""
                        insert into admin_audit (id, tenant_id, at, actor, action, target_id, status, request_id, before,
                                                 after)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10::text::jsonb)""")
                .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(e.id(), e.tenantId(),
                        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.actor(), e.action(), e.targetId(),
                        e.status(), e.requestId(), text(e.before()), text(e.after())))))
                .replaceWithVoid();
    }

    /** Up to {@code limit} entries after the id {@code after} (null: from the first), of one tenant or of all. */
    public Uni<List<AuditEntry>> page(UUID tenantId, UUID after, int limit) {
        return pool.preparedQuery("""
                        select id, tenant_id, at, actor, action, target_id, status, request_id, before::text as before,
                               after::text as after
                        from admin_audit
                        where ($1::uuid is null or tenant_id = $1) and ($2::uuid is null or id > $2)
                        order by id limit $3""")
                .execute(Tuple.of(tenantId, after, limit))
                .map(this::entries);
    }

    /** The latest entries before the entry {@code before} (null: the latest), newest first: what people read. */
    public Uni<List<AuditEntry>> newestFirst(UUID tenantId, UUID before, int limit) {
        return pool.preparedQuery("""
                        select id, tenant_id, at, actor, action, target_id, status, request_id, before::text as before,
                               after::text as after
                        from admin_audit
                        where ($1::uuid is null or tenant_id = $1) and ($2::uuid is null or id < $2)
                        order by id desc limit $3""")
                .execute(Tuple.of(tenantId, before, limit))
                .map(this::entries);
    }

    public Uni<Integer> purgeOlderThan(Instant cutoff) {
        return pool.preparedQuery("delete from admin_audit where at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))).map(RowSet::rowCount);
    }

    private List<AuditEntry> entries(RowSet<Row> rows) {
        List<AuditEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new AuditEntry(row.getUUID("id"), row.getUUID("tenant_id"),
                    row.getOffsetDateTime("at").toInstant(), row.getString("actor"), row.getString("action"),
                    row.getUUID("target_id"), row.getInteger("status"), row.getString("request_id"),
                    json(row.getString("before")), json(row.getString("after"))));
        }
        return entries;
    }

    private String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.toString();
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}

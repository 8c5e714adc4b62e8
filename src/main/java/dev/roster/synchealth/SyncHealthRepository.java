package dev.roster.synchealth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What sync health reads (the activity log, credentials' expiry) and writes (each tenant's last state, expiry notices).
 * Reads go through the pool; the writes run in the caller's transaction (with the events they cause), each a
 * compare-and-set, so pods checking at once report a change once.
 */
@ApplicationScoped
public class SyncHealthRepository {

    /** Failures the Entra admin must look at (see SyncState). */
    static final String FAILED = "(status >= 500 or status in (401, 403, 429))";

    @Inject
    Pool pool;

    /** One tenant's traffic, as the state needs it. */
    public record Traffic(UUID tenantId, String storedState, Instant lastRequest, long hourRequests,
                         long hourFailures) {
    }

    /** Every tenant's traffic (each subquery an index range of activity_entry (tenant_id, at)). */
    public Uni<List<Traffic>> traffic() {
        return pool.query("""
                        select t.id, t.sync_state,
                               (select max(a.at) from activity_entry a where a.tenant_id = t.id) as last_request,
                               (select count(*) from activity_entry a
                                where a.tenant_id = t.id and a.at > now() - interval '1 hour') as hour_requests,
                               (select count(*) from activity_entry a where a.tenant_id = t.id
                                  and a.at > now() - interval '1 hour' and %s) as hour_failures
                        from tenant t""".formatted(FAILED.replace("status", "a.status")))
                .execute()
                .map(rows -> {
                    List<Traffic> traffic = new ArrayList<>();
                    for (Row row : rows) {
                        traffic.add(new Traffic(row.getUUID("id"), row.getString("sync_state"),
                                instant(row, "last_request"), row.getLong("hour_requests"),
                                row.getLong("hour_failures")));
                    }
                    return traffic;
                });
    }

    /** The report of one tenant's health. */
    public record Report(Instant lastRequest, Instant lastWrite, Map<Integer, Long> lastHour, Map<Integer, Long> lastDay,
                         List<TopError> topErrors, String storedState, Instant stateSince) {
    }

    public record TopError(int status, String scimType, String detail, long count) {
    }

    public Uni<Report> report(UUID tenantId) {
        return pool.preparedQuery("""
                        select (select max(at) from activity_entry where tenant_id = $1) as last_request,
                               (select max(at) from activity_entry where tenant_id = $1
                                  and method in ('POST', 'PUT', 'PATCH', 'DELETE') and status < 300) as last_write,
                               t.sync_state, t.sync_state_since
                        from tenant t where t.id = $1""")
                .execute(Tuple.of(tenantId))
                .chain(head -> {
                    if (head.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row top = head.iterator().next();
                    return byStatus(tenantId, Duration.ofHours(1)).chain(hour -> byStatus(tenantId, Duration.ofDays(1))
                            .chain(day -> topErrors(tenantId).map(errors -> new Report(instant(top, "last_request"),
                                    instant(top, "last_write"), hour, day, errors, top.getString("sync_state"),
                                    instant(top, "sync_state_since")))));
                });
    }

    private Uni<Map<Integer, Long>> byStatus(UUID tenantId, Duration window) {
        return pool.preparedQuery("""
                        select status, count(*) as n from activity_entry
                        where tenant_id = $1 and at > now() - make_interval(secs => $2)
                        group by status order by status""")
                .execute(Tuple.of(tenantId, (double) window.toSeconds()))
                .map(rows -> {
                    Map<Integer, Long> counts = new LinkedHashMap<>();
                    rows.forEach(row -> counts.put(row.getInteger("status"), row.getLong("n")));
                    return counts;
                });
    }

    private Uni<List<TopError>> topErrors(UUID tenantId) {
        return pool.preparedQuery("""
                        select status, scim_type, detail, count(*) as n from activity_entry
                        where tenant_id = $1 and at > now() - interval '1 day' and status >= 400
                        group by status, scim_type, detail order by n desc, status limit 5""")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<TopError> errors = new ArrayList<>();
                    rows.forEach(row -> errors.add(new TopError(row.getInteger("status"), row.getString("scim_type"),
                            row.getString("detail"), row.getLong("n"))));
                    return errors;
                });
    }

    /** A credential that expires soon: a secret token, or an OAuth client's secret. */
    public record Expiring(UUID tenantId, UUID id, String kind, UUID clientId, String hint, Instant expiresAt,
                           boolean notified) {
    }

    /** Credentials of one tenant (or of all, when null) that expire within {@code within}. */
    public Uni<List<Expiring>> expiring(UUID tenantId, Duration within) {
        return pool.preparedQuery("""
                        select tenant_id, id, 'secret_token' as kind, null::uuid as client_id, hint, expires_at,
                               expiry_notified_at is not null as notified
                        from secret_token
                        where expires_at > now() and expires_at < now() + make_interval(secs => $2)
                          and ($1::uuid is null or tenant_id = $1)
                        union all
                        select tenant_id, id, 'oauth_client_secret', client_id, hint, expires_at,
                               expiry_notified_at is not null
                        from oauth_client_secret
                        where expires_at > now() and expires_at < now() + make_interval(secs => $2)
                          and ($1::uuid is null or tenant_id = $1)
                        order by expires_at""")
                .execute(Tuple.of(tenantId, (double) within.toSeconds()))
                .map(SyncHealthRepository::expiring);
    }

    private static List<Expiring> expiring(RowSet<Row> rows) {
        List<Expiring> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new Expiring(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("kind"),
                    row.getUUID("client_id"), row.getString("hint"), instant(row, "expires_at"),
                    row.getBoolean("notified")));
        }
        return list;
    }

    /** In the caller's transaction: moves a tenant from the state it was seen in to a new one; emits whether it did. */
    public Uni<Boolean> moveState(UUID tenantId, String from, String to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update tenant set sync_state = :to, sync_state_since = now()
                        where id = :tenant and coalesce(sync_state, '') = :from""")
                .setParameter("to", to)
                .setParameter("tenant", tenantId)
                .setParameter("from", from == null ? "" : from)
                .executeUpdate())
                .map(updated -> updated > 0);
    }

    /** In the caller's transaction: marks a credential's expiry as told; emits whether it was not yet. */
    public Uni<Boolean> markExpiryNotified(Expiring credential) {
        String table = "secret_token".equals(credential.kind()) ? "secret_token" : "oauth_client_secret";
        return Panache.getSession().chain(session -> session.createNativeQuery(("update " + table
                        + " set expiry_notified_at = now()"
                        + " where tenant_id = :tenant and id = :id and expiry_notified_at is null"))
                .setParameter("tenant", credential.tenantId())
                .setParameter("id", credential.id())
                .executeUpdate())
                .map(updated -> updated > 0);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package dev.roster.activity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The activity log's table: batch inserts, filtered reads (newest first), and the retention purge. */
@ApplicationScoped
public class ActivityRepository {

    @Inject
    Pool pool;

    Uni<Integer> insert(List<ActivityEntry> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = batch.size();
        UUID[] tenants = new UUID[n];
        UUID[] ids = new UUID[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        UUID[] credentials = new UUID[n];
        String[] methods = new String[n];
        String[] paths = new String[n];
        String[] filters = new String[n];
        Integer[] statuses = new Integer[n];
        String[] scimTypes = new String[n];
        String[] details = new String[n];
        UUID[] resources = new UUID[n];
        Integer[] durations = new Integer[n];
        String[] requestIds = new String[n];
        for (int i = 0; i < n; i++) {
            ActivityEntry e = batch.get(i);
            tenants[i] = e.tenantId();
            ids[i] = e.id();
            at[i] = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
            credentials[i] = e.credentialId();
            methods[i] = e.method();
            paths[i] = e.path();
            filters[i] = e.filter();
            statuses[i] = e.status();
            scimTypes[i] = e.scimType();
            details[i] = e.detail();
            resources[i] = e.resourceId();
            durations[i] = e.durationMs();
            requestIds[i] = e.requestId();
        }
        // One statement for the whole batch (arrays, unnested), not one per entry. An entry of a tenant deleted
        // meanwhile is skipped, not a failed batch.
        return pool.preparedQuery("""
                        insert into activity_entry (tenant_id, id, at, credential_id, method, path, filter, status,
                                                    scim_type, detail, resource_id, duration_ms, request_id)
                        select u.* from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[],
                                               $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::uuid[],
                                               $12::int[], $13::text[])
                             as u(tenant_id, id, at, credential_id, method, path, filter, status, scim_type, detail,
                                  resource_id, duration_ms, request_id)
                        where exists (select 1 from tenant t where t.id = u.tenant_id)""")
                .execute(Tuple.wrap(new ArrayList<Object>(List.of(tenants, ids, at, credentials, methods, paths,
                        filters, statuses, scimTypes, details, resources, durations, requestIds))))
                .replaceWith(n);
    }

    /**
     * Erasure: the entries about one resource, and those whose filter or detail mentions one of {@code texts} (its
     * userName, externalId, emails), keep their place but lose the filter and the detail. Emits how many changed.
     */
    public Uni<Integer> scrub(UUID tenantId, UUID resourceId, List<String> texts) {
        String[] patterns = texts.stream().filter(text -> text != null && !text.isBlank())
                .map(text -> "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        return pool.preparedQuery("""
                        update activity_entry set filter = case when filter is null then null else '(erased)' end,
                               detail = case when detail is null then null else '(erased)' end
                        where tenant_id = $1
                          and (resource_id = $2 or filter ilike any($3::text[]) or detail ilike any($3::text[]))""")
                .execute(Tuple.of(tenantId, resourceId, patterns))
                .map(rows -> rows.rowCount());
    }

    public Uni<List<ActivityEntry>> find(ActivityQuery q) {
        return pool.preparedQuery("""
                        select tenant_id, id, at, credential_id, method, path, filter, status, scim_type, detail,
                               resource_id, duration_ms, request_id
                        from activity_entry
                        where tenant_id = $1
                          and ($2::int is null or status >= $2) and ($3::int is null or status <= $3)
                          and ($4::timestamptz is null or at >= $4) and ($5::timestamptz is null or at < $5)
                          and ($6::uuid is null or resource_id = $6) and ($7::uuid is null or id < $7)
                        order by id desc limit $8""")
                .execute(Tuple.wrap(new ArrayList<>(java.util.Arrays.asList(q.tenantId(), q.statusFrom(), q.statusTo(),
                        q.from() == null ? null : OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC),
                        q.to() == null ? null : OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC), q.resourceId(),
                        q.before(), q.limit()))))
                .map(rows -> {
                    List<ActivityEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new ActivityEntry(row.getUUID("tenant_id"), row.getUUID("id"),
                                row.getOffsetDateTime("at").toInstant(), row.getUUID("credential_id"),
                                row.getString("method"), row.getString("path"), row.getString("filter"),
                                row.getInteger("status"), row.getString("scim_type"), row.getString("detail"),
                                row.getUUID("resource_id"), row.getInteger("duration_ms"), row.getString("request_id")));
                    }
                    return entries;
                });
    }

    /** See {@link ActivityLog#progress}: one pass over the tenant's entries since {@code since}. */
    public Uni<ActivityLog.Progress> progress(UUID tenantId, Instant since, UUID credentialId) {
        return pool.preparedQuery("""
                        select min(at) filter (where credential_id = $3) as first_use, max(at) as last_request,
                               count(*) as requests, count(*) filter (where status >= 400) as failures,
                               count(*) filter (where status = 401) as refused,
                               count(*) filter (where method = 'POST' and status = 201 and path ~* '/Users$') as users,
                               count(*) filter (where method = 'POST' and status = 201 and path ~* '/Groups$') as groups
                        from activity_entry where tenant_id = $1 and at >= $2""")
                .execute(Tuple.of(tenantId, OffsetDateTime.ofInstant(since, ZoneOffset.UTC), credentialId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime first = row.getOffsetDateTime("first_use");
                    OffsetDateTime last = row.getOffsetDateTime("last_request");
                    return new ActivityLog.Progress(first == null ? null : first.toInstant(),
                            last == null ? null : last.toInstant(), row.getLong("requests"), row.getLong("failures"),
                            row.getLong("refused"), row.getLong("users"), row.getLong("groups"));
                });
    }

    /** The time of each tenant's latest entry (tenants without one are absent): one index probe per tenant. */
    public Uni<java.util.Map<UUID, Instant>> lastRequests(List<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return pool.preparedQuery("""
                        select t.id, (select max(a.at) from activity_entry a where a.tenant_id = t.id) as last_request
                        from unnest($1::uuid[]) as t(id)""")
                .execute(Tuple.of(tenantIds.toArray(UUID[]::new)))
                .map(rows -> {
                    java.util.Map<UUID, Instant> last = new java.util.HashMap<>();
                    for (Row row : rows) {
                        OffsetDateTime at = row.getOffsetDateTime("last_request");
                        if (at != null) {
                            last.put(row.getUUID("id"), at.toInstant());
                        }
                    }
                    return last;
                });
    }

    /** The tenant's requests and failures per hour since {@code start} (hours without requests are absent). */
    public Uni<List<ActivityLog.Hour>> hourly(UUID tenantId, Instant start) {
        return pool.preparedQuery("""
                        select date_trunc('hour', at at time zone 'UTC') at time zone 'UTC' as hour,
                               count(*) as requests, count(*) filter (where status >= 400) as failures
                        from activity_entry where tenant_id = $1 and at >= $2 group by 1 order by 1""")
                .execute(Tuple.of(tenantId, OffsetDateTime.ofInstant(start, ZoneOffset.UTC)))
                .map(rows -> {
                    List<ActivityLog.Hour> hours = new ArrayList<>();
                    rows.forEach(row -> hours.add(new ActivityLog.Hour(row.getOffsetDateTime("hour").toInstant(),
                            row.getLong("requests"), row.getLong("failures"))));
                    return hours;
                });
    }

    /** Deletes entries older than the retention, across tenants (the scheduled purge). */
    public Uni<Integer> purgeOlderThan(Instant cutoff) {
        return pool.preparedQuery("delete from activity_entry where at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}

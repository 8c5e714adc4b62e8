package dev.roster.events.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Webhook endpoints, secrets, deliveries and attempts; every statement names its tenant, but the relay's claim. */
@ApplicationScoped
public class WebhookRepository {

    @Inject
    Pool pool;

    /** An endpoint as the admin API shows it (secrets by hint only). */
    public record Endpoint(UUID tenantId, UUID id, String url, List<String> eventTypes, boolean enabled,
                           String description, Instant createdAt, List<SecretHint> secrets, Circuit circuit) {
    }

    /**
     * An endpoint's circuit breaker: {@code openUntil} null is closed; in the future, open (no pod posts to it); in the
     * past, half open (one probe at a time, whose success closes it).
     */
    public record Circuit(int consecutiveFailures, Instant openUntil) {

        public String state(Instant now) {
            return openUntil == null ? "closed" : openUntil.isAfter(now) ? "open" : "half_open";
        }
    }

    public record SecretHint(UUID id, String hint, Instant createdAt) {
    }

    /** What the relay needs to make one delivery. */
    public record Claimed(UUID tenantId, UUID deliveryId, UUID endpointId, UUID eventId, int attempt, String url,
                          List<String> secrets, Instant createdAt, Row event) {
    }

    /** When an endpoint's circuit opens: after {@code failures} consecutive failed attempts, for {@code openFor}. */
    public record CircuitPolicy(int failures, java.time.Duration openFor) {
    }

    /** A delivery as the admin API lists it. */
    public record Delivery(UUID id, UUID eventId, String state, int attempts, Integer lastStatus, String lastError,
                           Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
    }

    public Uni<Void> create(UUID tenantId, UUID id, String url, List<String> eventTypes, boolean enabled,
                            String description, UUID secretId, String secret) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into webhook_endpoint (tenant_id, id, url, event_types, enabled, description, created_at)
                        values ($1, $2, $3, $4, $5, $6, now())""")
                .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(tenantId, id, url,
                        eventTypes == null ? null : eventTypes.toArray(String[]::new), enabled, description))))
                .chain(() -> connection.preparedQuery("""
                                insert into webhook_secret (tenant_id, endpoint_id, id, secret, created_at)
                                values ($1, $2, $3, $4, now())""")
                        .execute(Tuple.of(tenantId, id, secretId, secret)))
                .replaceWithVoid());
    }

    public Uni<List<Endpoint>> endpoints(UUID tenantId, UUID only) {
        return pool.preparedQuery("""
                        select e.tenant_id, e.id, e.url, e.event_types, e.enabled, e.description, e.created_at,
                               e.consecutive_failures, e.circuit_open_until, s.id as secret_id, s.secret, s.created_at as secret_created_at
                        from webhook_endpoint e left join webhook_secret s
                          on s.tenant_id = e.tenant_id and s.endpoint_id = e.id
                        where e.tenant_id = $1 and ($2::uuid is null or e.id = $2)
                        order by e.created_at, e.id, s.created_at""")
                .execute(Tuple.of(tenantId, only))
                .map(WebhookRepository::endpoints);
    }

    private static List<Endpoint> endpoints(RowSet<Row> rows) {
        List<Endpoint> endpoints = new ArrayList<>();
        Endpoint current = null;
        for (Row row : rows) {
            UUID id = row.getUUID("id");
            if (current == null || !current.id().equals(id)) {
                String[] types = row.getArrayOfStrings("event_types");
                current = new Endpoint(row.getUUID("tenant_id"), id, row.getString("url"),
                        types == null ? null : List.of(types), row.getBoolean("enabled"), row.getString("description"),
                        row.getOffsetDateTime("created_at").toInstant(), new ArrayList<>(),
                        new Circuit(row.getInteger("consecutive_failures"), instant(row, "circuit_open_until")));
                endpoints.add(current);
            }
            if (row.getUUID("secret_id") != null) {
                current.secrets().add(new SecretHint(row.getUUID("secret_id"),
                        WebhookSignatures.hint(row.getString("secret")),
                        row.getOffsetDateTime("secret_created_at").toInstant()));
            }
        }
        return endpoints;
    }

    public Uni<Boolean> update(UUID tenantId, UUID id, String url, List<String> eventTypes, boolean typesGiven,
                               Boolean enabled, String description, boolean descriptionGiven) {
        return pool.preparedQuery("""
                        update webhook_endpoint set url = coalesce($3, url),
                               event_types = case when $4 then $5 else event_types end,
                               enabled = coalesce($6, enabled),
                               description = case when $7 then $8 else description end
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(tenantId, id, url, typesGiven,
                        eventTypes == null ? null : eventTypes.toArray(String[]::new), enabled, descriptionGiven,
                        description))))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<Boolean> delete(UUID tenantId, UUID id) {
        return pool.preparedQuery("delete from webhook_endpoint where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Void> addSecret(UUID tenantId, UUID endpointId, UUID secretId, String secret) {
        return pool.preparedQuery("""
                        insert into webhook_secret (tenant_id, endpoint_id, id, secret, created_at)
                        values ($1, $2, $3, $4, now())""")
                .execute(Tuple.of(tenantId, endpointId, secretId, secret)).replaceWithVoid();
    }

    public Uni<Long> countSecrets(UUID tenantId, UUID endpointId) {
        return pool.preparedQuery("select count(*) as n from webhook_secret where tenant_id = $1 and endpoint_id = $2")
                .execute(Tuple.of(tenantId, endpointId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Removes a secret, unless it is the endpoint's last (an endpoint always signs). */
    public Uni<Integer> deleteSecret(UUID tenantId, UUID endpointId, UUID secretId) {
        // The endpoint's row is locked first, so two deletions of its two secrets cannot both see a count of two.
        return pool.withTransaction(connection -> connection.preparedQuery(
                        "select id from webhook_endpoint where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenantId, endpointId))
                .chain(() -> connection.preparedQuery("""
                                delete from webhook_secret where tenant_id = $1 and endpoint_id = $2 and id = $3
                                  and (select count(*) from webhook_secret
                                       where tenant_id = $1 and endpoint_id = $2) > 1""")
                        .execute(Tuple.of(tenantId, endpointId, secretId)))
                .map(RowSet::rowCount));
    }

    /** Adds a secret if the endpoint has fewer than {@code max}, under a row lock of the endpoint; emits whether. */
    public Uni<Boolean> addSecretBelow(UUID tenantId, UUID endpointId, UUID secretId, String secret, int max) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                        "select id from webhook_endpoint where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenantId, endpointId))
                .chain(() -> connection.preparedQuery("""
                                insert into webhook_secret (tenant_id, endpoint_id, id, secret, created_at)
                                select $1, $2, $3, $4, now()
                                where (select count(*) from webhook_secret
                                       where tenant_id = $1 and endpoint_id = $2) < $5""")
                        .execute(Tuple.of(tenantId, endpointId, secretId, secret, max)))
                .map(rows -> rows.rowCount() > 0));
    }

    public Uni<List<Delivery>> deliveries(UUID tenantId, UUID endpointId, int limit) {
        return pool.preparedQuery("""
                        select id, event_id, state, attempts, last_status, last_error, next_attempt_at, delivered_at,
                               created_at
                        from webhook_delivery where tenant_id = $1 and endpoint_id = $2
                        order by created_at desc, id limit $3""")
                .execute(Tuple.of(tenantId, endpointId, limit))
                .map(rows -> {
                    List<Delivery> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new Delivery(row.getUUID("id"), row.getUUID("event_id"), row.getString("state"),
                                row.getInteger("attempts"), row.getInteger("last_status"), row.getString("last_error"),
                                instant(row, "next_attempt_at"), instant(row, "delivered_at"),
                                instant(row, "created_at")));
                    }
                    return list;
                });
    }

    /** A new pending delivery of an event already in the feed (redelivery); emits whether the event exists. */
    public Uni<Boolean> redeliver(UUID tenantId, UUID endpointId, UUID eventId) {
        return pool.preparedQuery("""
                        insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, resource_id, position, state,
                                                      next_attempt_at, created_at)
                        select e.tenant_id, gen_random_uuid(), $2, e.id, e.resource_id, e.position, 'pending', now(),
                               now()
                        from outbox_event e
                        where e.tenant_id = $1 and e.id = $3 and e.position is not null
                          and exists (select 1 from webhook_endpoint w where w.tenant_id = $1 and w.id = $2)""")
                .execute(Tuple.of(tenantId, endpointId, eventId)).map(rows -> rows.rowCount() > 0);
    }

    /**
     * New pending deliveries of every event of the tenant that occurred in [from, to) and that the endpoint subscribes
     * to, in feed order (redelivery of a time range); emits how many.
     */
    public Uni<Integer> redeliverRange(UUID tenantId, UUID endpointId, Instant from, Instant to) {
        return pool.preparedQuery("""
                        insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, resource_id, position, state,
                                                      next_attempt_at, created_at)
                        select e.tenant_id, gen_random_uuid(), w.id, e.id, e.resource_id, e.position, 'pending', now(),
                               now()
                        from outbox_event e join webhook_endpoint w on w.tenant_id = e.tenant_id and w.id = $2
                        where e.tenant_id = $1 and e.position is not null and e.occurred_at >= $3 and e.occurred_at < $4
                          and (w.event_types is null or e.type = any(w.event_types))
                        order by e.position""")
                .execute(Tuple.of(tenantId, endpointId, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC)))
                .map(RowSet::rowCount);
    }

    /**
     * Claims due deliveries for this pod: the oldest pending delivery of each (endpoint, resource) only, so one
     * resource's events reach an endpoint in order; at most {@code perEndpoint} in flight per endpoint across pods, so a
     * slow receiver holds only its own share; locked with SKIP LOCKED so pods share the work, leased for
     * {@code leaseSeconds} (a pod that dies mid-delivery leaves it to another after the lease: at least once). An
     * endpoint whose circuit is open gets nothing; a half-open one gets one delivery at a time (the probe).
     */
    public Uni<List<Claimed>> claim(int limit, int leaseSeconds, int perEndpoint) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        with candidates as (
                            select r.tenant_id, r.id from (
                                select d.tenant_id, d.id, d.next_attempt_at,
                                       row_number() over (partition by d.tenant_id, d.endpoint_id
                                                          order by d.next_attempt_at, d.position) as k,
                                       (select count(*) from webhook_delivery f
                                        where f.tenant_id = d.tenant_id and f.endpoint_id = d.endpoint_id
                                          and f.state = 'pending' and f.leased_until > now()) as in_flight,
                                       case when w.circuit_open_until is null then $3 else 1 end as cap
                                from webhook_delivery d
                                join webhook_endpoint w on w.tenant_id = d.tenant_id and w.id = d.endpoint_id
                                where d.state = 'pending' and d.next_attempt_at <= now() and w.enabled
                                  and (w.circuit_open_until is null or w.circuit_open_until <= now())
                                  and not exists (select 1 from webhook_delivery o
                                                  where o.tenant_id = d.tenant_id and o.endpoint_id = d.endpoint_id
                                                    and o.resource_id = d.resource_id and o.state = 'pending'
                                                    and o.position < d.position)) r
                            where r.k + r.in_flight <= r.cap
                            order by r.next_attempt_at limit $1),
                        due as (
                            select d.tenant_id, d.id from webhook_delivery d
                            join candidates c on c.tenant_id = d.tenant_id and c.id = d.id
                            for update of d skip locked),
                        leased as (
                            update webhook_delivery d
                            set next_attempt_at = now() + make_interval(secs => $2),
                                leased_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
                            from due where d.tenant_id = due.tenant_id and d.id = due.id
                              and d.state = 'pending' and d.next_attempt_at <= now()
                            returning d.tenant_id, d.id, d.endpoint_id, d.event_id, d.attempts, d.created_at)
                        select l.tenant_id, l.id as delivery_id, l.endpoint_id, l.event_id, l.attempts, w.url,
                               l.created_at as delivery_created_at,
                               array(select s.secret from webhook_secret s
                                     where s.tenant_id = l.tenant_id and s.endpoint_id = l.endpoint_id
                                     order by s.created_at) as secrets,
                               e.id, e.type, e.tenant_id as event_tenant, e.occurred_at, e.position,
                               e.payload::text as payload, e.actor_credential_id, e.actor_kind
                        from leased l
                        join webhook_endpoint w on w.tenant_id = l.tenant_id and w.id = l.endpoint_id
                        join outbox_event e on e.tenant_id = l.tenant_id and e.id = l.event_id""")
                .execute(Tuple.of(limit, leaseSeconds, perEndpoint))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(row.getUUID("tenant_id"), row.getUUID("delivery_id"),
                                row.getUUID("endpoint_id"), row.getUUID("event_id"), row.getInteger("attempts"),
                                row.getString("url"), List.of(row.getArrayOfStrings("secrets")),
                                instant(row, "delivery_created_at"), row));
                    }
                    return claimed;
                }));
    }

    /** The outcome of one attempt, to be recorded (see {@link #settle}). */
    public record Settlement(Claimed delivery, Integer status, String error, String body, int latencyMs, String state,
                             Instant nextAttemptAt, boolean receiverFailed) {
    }

    /** An endpoint, as a key of settled circuits. */
    public record EndpointKey(UUID tenantId, UUID endpointId) {
    }

    /**
     * Records a batch of attempts in one transaction of three statements, whatever its size (one commit, not one per
     * delivery: at hundreds of deliveries a second, commits were the relay's main cost). For each delivery: its attempt
     * and its new state, unless another pod has claimed it since (its lease ran out), in which case only the attempt is
     * recorded and the newer attempt decides. For each endpoint: its circuit counts the batch's attempts in order
     * (Circuits.count). Emits, for each endpoint whose circuit is open or half open after the batch, until when.
     */
    public Uni<java.util.Map<EndpointKey, Instant>> settle(List<Settlement> batch, CircuitPolicy policy) {
        int n = batch.size();
        UUID[] tenants = new UUID[n];
        UUID[] ids = new UUID[n];
        Integer[] attempts = new Integer[n];
        Integer[] statuses = new Integer[n];
        Integer[] latencies = new Integer[n];
        String[] bodies = new String[n];
        String[] errors = new String[n];
        String[] states = new String[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Settlement settled = batch.get(i);
            tenants[i] = settled.delivery().tenantId();
            ids[i] = settled.delivery().deliveryId();
            attempts[i] = settled.delivery().attempt();
            statuses[i] = settled.status();
            latencies[i] = settled.latencyMs();
            bodies[i] = settled.body();
            errors[i] = settled.error();
            states[i] = settled.state();
            next[i] = settled.nextAttemptAt() == null ? null
                    : OffsetDateTime.ofInstant(settled.nextAttemptAt(), ZoneOffset.UTC);
        }
        List<Circuits.Count> counts = Circuits.count(batch);
        UUID[] circuitTenants = counts.stream().map(c -> c.endpoint().tenantId()).toArray(UUID[]::new);
        UUID[] circuitIds = counts.stream().map(c -> c.endpoint().endpointId()).toArray(UUID[]::new);
        Boolean[] resets = counts.stream().map(Circuits.Count::reset).toArray(Boolean[]::new);
        Integer[] failures = counts.stream().map(Circuits.Count::failures).toArray(Integer[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into webhook_attempt (tenant_id, delivery_id, attempt, at, response_code, latency_ms,
                                                     response_body, error)
                        select u.t, u.d, u.a, now(), u.c, u.l, u.b, u.e
                        from unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[])
                             as u(t, d, a, c, l, b, e)
                        on conflict do nothing""")
                .execute(Tuple.wrap(new ArrayList<Object>(
                        List.of(tenants, ids, attempts, statuses, latencies, bodies, errors))))
                .chain(() -> connection.preparedQuery("""
                                update webhook_delivery d set state = u.s, last_status = u.c, last_error = u.e,
                                       next_attempt_at = coalesce(u.n, d.next_attempt_at), leased_until = null,
                                       delivered_at = case when u.s = 'delivered' then now() else d.delivered_at end
                                from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[],
                                            $6::timestamptz[], $7::int[]) as u(t, i, s, c, e, n, a)
                                where d.tenant_id = u.t and d.id = u.i and d.state = 'pending' and d.attempts = u.a""")
                        .execute(Tuple.wrap(new ArrayList<Object>(
                                List.of(tenants, ids, states, statuses, errors, next, attempts)))))
                // Endpoints in key order, so two pods settling batches for the same endpoints never deadlock. Only an
                // endpoint with something to change is written: a healthy one's row is left alone.
                .chain(() -> connection.preparedQuery("""
                                update webhook_endpoint w
                                set consecutive_failures = case when u.r then u.k else w.consecutive_failures + u.k end,
                                    circuit_open_until = case
                                        when (case when u.r then u.k else w.consecutive_failures + u.k end) >= $5
                                            then now() + make_interval(secs => $6)
                                        when u.r then null
                                        else w.circuit_open_until end
                                from unnest($1::uuid[], $2::uuid[], $3::bool[], $4::int[]) as u(t, i, r, k)
                                where w.tenant_id = u.t and w.id = u.i
                                  and (u.k > 0 or w.consecutive_failures <> 0 or w.circuit_open_until is not null)
                                returning w.tenant_id, w.id, w.circuit_open_until""")
                        .execute(Tuple.of(circuitTenants, circuitIds, resets, failures, policy.failures(),
                                (double) policy.openFor().toMillis() / 1000)))
                .map(rows -> {
                    java.util.Map<EndpointKey, Instant> open = new java.util.HashMap<>();
                    for (Row row : rows) {
                        Instant until = instant(row, "circuit_open_until");
                        if (until != null) {
                            open.put(new EndpointKey(row.getUUID("tenant_id"), row.getUUID("id")), until);
                        }
                    }
                    return open;
                }));
    }

    /** The backlog's state for the metrics: see {@link #backlog()}. */
    public record Backlog(long oldestSeconds, long openCircuits) {
    }

    /**
     * Age in seconds of the oldest event not yet positioned or delivered (0 when there is none), and how many endpoints'
     * circuits are open or half open.
     */
    public Uni<Backlog> backlog() {
        return pool.query("""
                        select extract(epoch from now() - coalesce(
                            least((select min(created_at) from webhook_delivery where state = 'pending'),
                                  (select min(occurred_at) from outbox_event where position is null)),
                            now()))::bigint as age,
                          (select count(*) from webhook_endpoint where circuit_open_until is not null) as open_circuits""")
                .execute().map(rows -> {
                    Row row = rows.iterator().next();
                    return new Backlog(row.getLong("age"), row.getLong("open_circuits"));
                });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

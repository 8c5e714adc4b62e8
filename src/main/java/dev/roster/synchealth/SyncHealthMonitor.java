package dev.roster.synchealth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.activity.ActivityWriter;
import dev.roster.config.RosterConfig;
import dev.roster.events.ChangeEvent;
import dev.roster.events.EventType;
import dev.roster.events.Outbox;
import dev.roster.store.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches every tenant's sync (issue 15, item 4), every {@code roster.sync-health.check-interval}, in every pod: computes
 * each tenant's state from the activity log, and when it changes records it with its event in one transaction, a
 * compare-and-set so that pods checking at once report it once ({@code tenant.sync_stalled} when a syncing tenant goes
 * quiet, {@code tenant.sync_recovered} when a stalled or degraded one is healthy again). Credentials expiring within
 * {@code expiring-within} become one {@code credential.expiring} event each. Gauges count tenants per state.
 */
@ApplicationScoped
public class SyncHealthMonitor {

    private static final Logger LOG = Logger.getLogger(SyncHealthMonitor.class);

    @Inject
    SyncHealthRepository repository;
    @Inject
    Outbox outbox;
    @Inject
    RosterConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    ActivityWriter activity;

    private final Map<SyncState, AtomicLong> tenantsPerState = new EnumMap<>(SyncState.class);

    void start(@Observes StartupEvent started) {
        for (SyncState state : SyncState.values()) {
            AtomicLong count = new AtomicLong();
            tenantsPerState.put(state, count);
            Gauge.builder("roster.tenants.sync.state", count, AtomicLong::get).tag("state", state.wireName())
                    .description("Tenants per sync health state, as this pod last computed them").register(registry);
        }
    }

    @Scheduled(every = "${roster.sync-health.check-interval:1m}",
            delayed = "${roster.sync-health.first-check-delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return checkNow().onFailure().invoke(failure -> LOG.warnf("Sync health check failed (retried at the next one):"
                + " %s", failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One check of every tenant and credential; emits how many events it recorded. */
    public Uni<Integer> checkNow() {
        Instant now = Instant.now();
        return activity.flush()
                .chain(() -> repository.traffic())
                .chain(traffic -> {
                    Map<SyncState, Long> counts = new EnumMap<>(SyncState.class);
                    Uni<Integer> events = Uni.createFrom().item(0);
                    for (SyncHealthRepository.Traffic tenant : traffic) {
                        SyncState state = SyncState.of(tenant.lastRequest(), tenant.hourRequests(),
                                tenant.hourFailures(), now, config.syncHealth().stalledAfter());
                        counts.merge(state, 1L, Long::sum);
                        SyncState before = SyncState.ofWireName(tenant.storedState());
                        if (state != before) {
                            events = events.chain(sofar -> record(tenant, before, state).map(n -> sofar + n));
                        }
                    }
                    tenantsPerState.forEach((state, count) -> count.set(counts.getOrDefault(state, 0L)));
                    return events;
                })
                .chain(sofar -> repository.expiring(null, config.syncHealth().expiringWithin())
                        .chain(credentials -> notifyExpiring(credentials).map(n -> sofar + n)));
    }

    private Uni<Integer> record(SyncHealthRepository.Traffic tenant, SyncState before, SyncState now) {
        EventType type = now == SyncState.STALLED ? EventType.TENANT_SYNC_STALLED
                : now == SyncState.HEALTHY && (before == SyncState.STALLED || before == SyncState.DEGRADED)
                ? EventType.TENANT_SYNC_RECOVERED : null;
        return Transactions.write(() -> repository.moveState(tenant.tenantId(), tenant.storedState(), now.wireName())
                .chain(moved -> {
                    if (!moved || type == null) {
                        return Uni.createFrom().item(0);
                    }
                    ObjectNode resource = JsonNodeFactory.instance.objectNode()
                            .put("id", tenant.tenantId().toString())
                            .put("state", now.wireName())
                            .put("previousState", before == null ? null : before.wireName());
                    if (tenant.lastRequest() != null) {
                        resource.put("lastRequestAt", tenant.lastRequest().toString());
                    }
                    return outbox.record(new ChangeEvent(type, tenant.tenantId(), "Tenant", tenant.tenantId(),
                            resource, List.of("syncState"), null)).replaceWith(1);
                }));
    }

    private Uni<Integer> notifyExpiring(List<SyncHealthRepository.Expiring> credentials) {
        Uni<Integer> all = Uni.createFrom().item(0);
        for (SyncHealthRepository.Expiring credential : credentials) {
            if (credential.notified()) {
                continue;
            }
            all = all.chain(sofar -> Transactions.write(() -> repository.markExpiryNotified(credential)
                    .chain(marked -> {
                        if (!marked) {
                            return Uni.createFrom().item(0);
                        }
                        ObjectNode resource = JsonNodeFactory.instance.objectNode()
                                .put("id", credential.id().toString())
                                .put("kind", credential.kind())
                                .put("hint", credential.hint())
                                .put("expiresAt", credential.expiresAt().toString());
                        if (credential.clientId() != null) {
                            resource.put("clientId", credential.clientId().toString());
                        }
                        return outbox.record(new ChangeEvent(EventType.CREDENTIAL_EXPIRING, credential.tenantId(),
                                "Credential", credential.id(), resource, List.of(), null)).replaceWith(1);
                    })).map(n -> sofar + n));
        }
        return all;
    }
}

package dev.roster.audit;

import dev.roster.config.RosterConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading the admin audit log, and purging entries past {@code roster.audit.retention} (every pod; idempotent). */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    @Inject
    AuditRepository audit;
    @Inject
    RosterConfig config;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /**
     * Records an admin change made outside the admin API (the console, issue 16): the same entry the admin API's
     * recorder writes for the equivalent call ({@code action} names it, e.g. {@code "POST /admin/v1/tenants"}), with the
     * views redacted as there. A failure to record is logged, never the caller's failure (as in the recorder).
     */
    public Uni<Void> record(UUID tenantId, String actor, String action, UUID targetId, int status, String requestId,
                            Object before, Object after) {
        AuditEntry entry = new AuditEntry(dev.roster.tenant.Ids.newId(), tenantId, Instant.now(), actor, action,
                targetId, status, requestId, before == null ? null : Redaction.redact(mapper.valueToTree(before)),
                after == null ? null : Redaction.redact(mapper.valueToTree(after)));
        return audit.insert(entry).onFailure().invoke(failure -> LOG.errorf(failure,
                "Could not record the admin change %s in the audit log", action)).onFailure().recoverWithNull();
    }

    /** One page in time order after the entry {@code after}; of one tenant, or of all when {@code tenantId} is null. */
    public Uni<List<AuditEntry>> page(UUID tenantId, UUID after, int limit) {
        return audit.page(tenantId, after, limit);
    }

    /**
     * One page newest first, before the entry {@code before} (null: the latest); of one tenant, or of all when
     * {@code tenantId} is null (deleted tenants' entries included): the console's audit pages.
     */
    public Uni<List<AuditEntry>> newestFirst(UUID tenantId, UUID before, int limit) {
        return audit.newestFirst(tenantId, before, limit);
    }

    @Scheduled(every = "${roster.audit.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeNow().invoke(purged -> {
            if (purged > 0) {
                LOG.infof("Purged %d admin audit entries older than %s", purged, config.audit().retention());
            }
        }).replaceWithVoid();
    }

    public Uni<Integer> purgeNow() {
        return audit.purgeOlderThan(Instant.now().minus(config.audit().retention()));
    }
}

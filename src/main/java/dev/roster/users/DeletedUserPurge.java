package dev.roster.users;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Removes soft-deleted users once their tenant's retention period has passed. Every pod runs it; the statement is
 * idempotent, so concurrent runs only repeat work that is already done.
 */
@ApplicationScoped
public class DeletedUserPurge {

    private static final Logger LOG = Logger.getLogger(DeletedUserPurge.class);

    @Inject
    Pool pool;

    @Scheduled(every = "${roster.users.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.query("""
                        delete from scim_user u using tenant t
                        where u.tenant_id = t.id and u.deleted_at is not null
                          and u.deleted_at < now() - make_interval(days => t.deleted_user_retention_days)""")
                .execute()
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("Purged %d soft-deleted users past their retention period", rows.rowCount());
                    }
                })
                .replaceWithVoid();
    }
}

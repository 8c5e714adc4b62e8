package dev.roster.users;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
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
    UserRepository users;

    @Scheduled(every = "${roster.users.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return users.purgeRetentionExpired()
                .invoke(purged -> {
                    if (purged > 0) {
                        LOG.infof("Purged %d soft-deleted users past their retention period", purged);
                    }
                })
                .replaceWithVoid();
    }
}

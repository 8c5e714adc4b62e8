package dev.roster.users;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Removes soft-deleted users once their tenant's retention period has passed, in batches, each user with its
 * {@code user.purged} event (UserService.purgeExpired). Every pod runs it; pods take different users (SKIP LOCKED), so
 * concurrent runs share the work.
 */
@ApplicationScoped
public class DeletedUserPurge {

    private static final Logger LOG = Logger.getLogger(DeletedUserPurge.class);
    /** Users removed per transaction: short transactions, and a bounded event batch for the sequencer. */
    static final int BATCH = 500;

    @Inject
    UserService users;

    @Scheduled(every = "${roster.users.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeNow().invoke(purged -> {
            if (purged > 0) {
                LOG.infof("Purged %d soft-deleted users past their retention period", purged);
            }
        }).replaceWithVoid();
    }

    /** Purges every user past retention now, batch after batch; emits how many. */
    public Uni<Integer> purgeNow() {
        return purgeFrom(0);
    }

    private Uni<Integer> purgeFrom(int sofar) {
        return users.purgeExpired(BATCH).chain(purged -> purged < BATCH
                ? Uni.createFrom().item(sofar + purged)
                : purgeFrom(sofar + purged));
    }
}

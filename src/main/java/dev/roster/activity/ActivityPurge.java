package dev.roster.activity;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.roster.config.RosterConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/** Keeps the activity log to its retention ({@code roster.activity.retention}, default 30 days). */
@ApplicationScoped
public class ActivityPurge {

    private static final Logger LOG = Logger.getLogger(ActivityPurge.class);

    @Inject
    ActivityRepository repository;
    @Inject
    RosterConfig config;

    @Scheduled(every = "${roster.activity.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        Duration retention = config.activity().retention();
        return repository.purgeOlderThan(Instant.now().minus(retention)).invoke(count -> {
            if (count > 0) {
                LOG.infof("Purged %d activity entries older than %s", count, retention);
            }
        }).replaceWithVoid();
    }
}

package dev.roster.events;

import dev.roster.config.RosterConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Keeps the feed and the delivery records to {@code roster.events.retention} (default 30 days). */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    @Inject
    EventFeedRepository feed;
    @Inject
    RosterConfig config;

    @Scheduled(every = "${roster.events.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeNow().replaceWithVoid();
    }

    /** Purges what is older than the retention; emits how many events went. */
    public Uni<Integer> purgeNow() {
        return feed.purgeOlderThan(Instant.now().minus(config.events().retention())).invoke(count -> {
            if (count > 0) {
                LOG.infof("Purged %d events older than %s", count, config.events().retention());
            }
        });
    }
}

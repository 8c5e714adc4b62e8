package dev.roster.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.roster.config.RosterConfig;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives committed events their feed positions, in every pod, one pod at a time (README, "Events": positions are
 * assigned only after a change has committed). A writer never sets a position: a transaction that started earlier but
 * commits later would otherwise hold a lower position than events a reader has already passed. Here only committed rows
 * are visible, and each run numbers them after the highest position so far, under a transaction-scoped advisory lock,
 * so positions grow in the order events become visible and a reader resuming after any position misses nothing.
 */
@ApplicationScoped
public class FeedSequencer {

    private static final Logger LOG = Logger.getLogger(FeedSequencer.class);

    @Inject
    Vertx vertx;
    @Inject
    EventFeedRepository feed;
    @Inject
    Event<EventsPositioned> positioned;
    @Inject
    RosterConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(config.events().sequenceInterval().toMillis(), tick -> runOnce().subscribe().with(
                sequenced -> {
                },
                failure -> LOG.debugf("Sequencing events failed (retried on the next tick): %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One run: positions the committed events not yet positioned; emits how many. Never overlaps itself in a pod. */
    public Uni<Integer> runOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return feed.sequence()
                .invoke(count -> {
                    if (count > 0) {
                        positioned.fireAsync(new EventsPositioned(count));
                    }
                })
                .eventually(() -> running.set(false));
    }
}

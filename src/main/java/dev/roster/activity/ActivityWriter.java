package dev.roster.activity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes activity entries in batches, off the request path (docs/architecture.md, "The hot path"): requests only add to
 * a bounded queue; a timer drains it every {@link #FLUSH_MILLIS} ms into one multi-row insert. When the queue is full
 * (the database is down, say) new entries are dropped and counted ({@code roster_activity_dropped_total}) rather than
 * held in memory without bound or slowing SCIM requests.
 */
@ApplicationScoped
public class ActivityWriter {

    private static final Logger LOG = Logger.getLogger(ActivityWriter.class);
    static final int CAPACITY = 20_000;
    static final int BATCH = 500;
    static final long FLUSH_MILLIS = 250;

    @Inject
    Vertx vertx;
    @Inject
    ActivityRepository repository;
    @Inject
    MeterRegistry registry;

    private final BlockingQueue<ActivityEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicBoolean flushing = new AtomicBoolean();
    private Counter dropped;
    private long timer = -1;

    void start(@Observes StartupEvent started) {
        dropped = Counter.builder("roster.activity.dropped").description("Activity entries dropped on a full queue")
                .register(registry);
        timer = vertx.setPeriodic(FLUSH_MILLIS, tick -> flush().subscribe().with(written -> {
        }, failure -> LOG.debugf("Writing the activity log failed (retried with the next batch): %s",
                failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Queues an entry; never blocks. */
    void offer(ActivityEntry entry) {
        if (!queue.offer(entry) && dropped != null) {
            dropped.increment();
        }
    }

    /** Writes everything queued, a batch at a time, until the queue is empty; one flush at a time per pod. */
    public Uni<Integer> flush() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return drain(0).eventually(() -> flushing.set(false));
    }

    private Uni<Integer> drain(int written) {
        List<ActivityEntry> batch = new ArrayList<>(BATCH);
        queue.drainTo(batch, BATCH);
        if (batch.isEmpty()) {
            return Uni.createFrom().item(written);
        }
        return repository.insert(batch)
                .onFailure().invoke(failure -> dropped.increment(batch.size()))
                .chain(count -> drain(written + count));
    }
}

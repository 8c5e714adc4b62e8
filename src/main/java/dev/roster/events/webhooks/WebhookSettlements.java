package dev.roster.events.webhooks;

import dev.roster.config.RosterConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes attempts' outcomes in batches (WebhookRepository.settle): settlements that arrive within a few milliseconds of
 * each other share one transaction, so a busy relay commits tens of times a second instead of once per delivery. One
 * batch is written at a time; what arrives meanwhile goes in the next. A caller learns until when its endpoint's
 * circuit is open (null: closed) once its batch has committed; a batch that fails to commit leaves its deliveries
 * leased, to be claimed again when the lease ends (at least once).
 */
@ApplicationScoped
public class WebhookSettlements {

    /** How long the first settlement of a batch waits for company. */
    static final long GATHER_MILLIS = 5;
    static final int MAX_BATCH = 200;

    @Inject
    Vertx vertx;
    @Inject
    WebhookRepository repository;
    @Inject
    RosterConfig config;

    private record Waiting(WebhookRepository.Settlement settlement, UniEmitter<? super Instant> answer) {
    }

    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    /** A batch is being gathered or written; the next starts when it is done. */
    private final AtomicBoolean busy = new AtomicBoolean();

    /** Records one attempt's outcome with the next batch; emits until when its endpoint's circuit is open, or null. */
    public Uni<Instant> settle(WebhookRepository.Settlement settlement) {
        return Uni.createFrom().emitter(answer -> {
            queue.add(new Waiting(settlement, answer));
            startBatch();
        });
    }

    private void startBatch() {
        if (!queue.isEmpty() && busy.compareAndSet(false, true)) {
            vertx.setTimer(GATHER_MILLIS, fired -> write());
        }
    }

    private void write() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            busy.set(false);
            startBatch();
            return;
        }
        RosterConfig.Webhooks settings = config.webhooks();
        var policy = new WebhookRepository.CircuitPolicy(settings.circuitFailures(), settings.circuitOpenFor());
        repository.settle(batch.stream().map(Waiting::settlement).toList(), policy).subscribe().with(
                open -> {
                    done();
                    for (Waiting waiting : batch) {
                        var endpoint = new WebhookRepository.EndpointKey(waiting.settlement().delivery().tenantId(),
                                waiting.settlement().delivery().endpointId());
                        waiting.answer().complete(open.get(endpoint));
                    }
                },
                failure -> {
                    done();
                    batch.forEach(waiting -> waiting.answer().fail(failure));
                });
    }

    private void done() {
        busy.set(false);
        startBatch();
    }
}

package dev.roster.events.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event and delivery metrics (issue 11, item 7), never labelled by tenant: deliveries by outcome, delivery latency, and
 * the backlog as the age of the oldest event not yet delivered or positioned, and the endpoints whose circuit is open
 * (both refreshed every few seconds).
 */
@ApplicationScoped
public class WebhookMetrics {

    static final long BACKLOG_REFRESH_MILLIS = 5_000;

    @Inject
    MeterRegistry registry;
    @Inject
    WebhookRepository repository;
    @Inject
    Vertx vertx;

    private final AtomicLong backlogSeconds = new AtomicLong();
    private final AtomicLong openCircuits = new AtomicLong();
    private Counter delivered;
    private Counter retried;
    private Counter dead;
    private Timer latency;
    private long timer = -1;

    void start(@Observes StartupEvent started) {
        delivered = outcome("delivered");
        retried = outcome("retried");
        dead = outcome("dead");
        latency = Timer.builder("roster.webhooks.delivery.latency").description("Time for a receiver to answer")
                .register(registry);
        Gauge.builder("roster.events.backlog.oldest.seconds", backlogSeconds, AtomicLong::get)
                .description("Age of the oldest event not yet positioned or delivered").register(registry);
        Gauge.builder("roster.webhooks.circuits.open", openCircuits, AtomicLong::get)
                .description("Webhook endpoints whose circuit is open or half open").register(registry);
        timer = vertx.setPeriodic(BACKLOG_REFRESH_MILLIS, tick -> repository.backlog().subscribe().with(
                backlog -> {
                    backlogSeconds.set(backlog.oldestSeconds());
                    openCircuits.set(backlog.openCircuits());
                }, failure -> {
                }));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private Counter outcome(String outcome) {
        return Counter.builder("roster.webhooks.deliveries").tag("outcome", outcome)
                .description("Webhook delivery attempts by outcome").register(registry);
    }

    void record(String state, boolean retrying, Duration took) {
        latency.record(took);
        switch (state) {
            case "delivered" -> delivered.increment();
            case "dead" -> dead.increment();
            default -> {
                if (retrying) {
                    retried.increment();
                }
            }
        }
    }
}

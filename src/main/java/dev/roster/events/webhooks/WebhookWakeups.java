package dev.roster.events.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Wakes this pod's relay when any pod queues deliveries (issue 11, item 3): the sequencer NOTIFYs {@value #CHANNEL} in the
 * transaction that creates them, and every pod LISTENs on one connection of its own (reconnecting after an outage).
 * Polling ({@code roster.webhooks.poll-interval}) stays the fallback for a notification missed while disconnected.
 */
@ApplicationScoped
public class WebhookWakeups {

    public static final String CHANNEL = "roster_deliveries";
    private static final Logger LOG = Logger.getLogger(WebhookWakeups.class);

    @Inject
    Vertx vertx;
    @Inject
    WebhookRelay relay;

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent started) {
        var config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.datasource.reactive.url", String.class).orElse(null);
        if (url == null) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:")
                ? url.substring("vertx-reactive:".length()) : url);
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.wakeNow());
        subscriber.connect().subscribe().with(connected -> {
        }, failure -> LOG.debugf("Listening for webhook wake-ups failed (polling continues): %s",
                failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(closed -> {
            }, failure -> {
            });
        }
    }
}

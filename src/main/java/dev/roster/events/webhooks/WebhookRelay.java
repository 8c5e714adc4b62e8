package dev.roster.events.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.config.RosterConfig;
import dev.roster.events.EventBodies;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import dev.roster.events.EventsPositioned;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers webhooks, in every pod (issue 11, items 2-3). Each tick claims due deliveries (WebhookRepository.claim: SKIP
 * LOCKED, oldest per resource and endpoint first, leased), posts each event signed the Standard Webhooks way, and
 * records the attempt: 2xx delivered; 5xx, 408, 429, timeouts and connection errors retried after an exponential
 * backoff with jitter; other answers, the last allowed attempt and a delivery older than the maximum age dead. Each
 * endpoint has a circuit breaker shared by all pods (WebhookRepository.settle): after a run of failed attempts nobody
 * posts to it for a while, then one probe decides. Nothing here runs inside a SCIM request, so a slow or absent receiver
 * never slows provisioning.
 */
@ApplicationScoped
public class WebhookRelay {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);
    static final int CLAIM_BATCH = 50;
    static final int MAX_IN_FLIGHT = 200;
    /** Least time between back-to-back claims of one pod. */
    static final long CLAIM_SPACING_MILLIS = 10;
    /** Deliveries in flight to one endpoint at a time, across pods: a slow receiver holds no more than this. */
    static final int PER_ENDPOINT_IN_FLIGHT = 8;
    /** Only the first chunk of an answer is read, and at most this much of it kept. */
    static final int MAX_RESPONSE_BODY = 1_000;

    @Inject
    Vertx vertx;
    @Inject
    WebhookRepository repository;
    @Inject
    WebhookTargets targets;
    @Inject
    RosterConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    WebhookMetrics metrics;
    @Inject
    WebhookSettlements settlements;

    private final AtomicBoolean running = new AtomicBoolean();
    /** A wake-up came while a claim was running: claim again when it ends, as what woke us may not have been seen. */
    private final AtomicBoolean wokenMeanwhile = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private HttpClient client;
    private long timer = -1;

    void start(@Observes StartupEvent started) {
        RosterConfig.Webhooks settings = config.webhooks();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setMaxPoolSize(64)
                .setTrustAll(false)
                .setVerifyHost(true));
        timer = vertx.setPeriodic(settings.pollInterval().toMillis(), tick -> runOnce().subscribe().with(
                delivered -> {
                },
                failure -> LOG.debugf("Webhook relay tick failed (retried on the next one): %s", failure.getMessage())));
    }

    /** Events were just positioned in this pod: start their deliveries now. */
    void wake(@ObservesAsync EventsPositioned positioned) {
        wakeNow();
    }

    /**
     * Looks for due deliveries now, on the event loop: when this pod positioned events, when another pod notified
     * (WebhookWakeups), when a delivery settled (the next one of its resource may be due) and when a retry comes due.
     */
    public void wakeNow() {
        vertx.runOnContext(() -> runOnce().subscribe().with(started -> {
        }, failure -> LOG.debugf("Webhook relay wake-up failed: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One tick: claims what is due and starts delivering it; emits how many deliveries were started. Deliveries run on
     * after the tick, so a slow receiver holds only its own deliveries (each leased, at most {@link #MAX_IN_FLIGHT} per
     * pod), never the next tick and the other tenants' deliveries behind it.
     */
    public Uni<Integer> runOnce() {
        int room = MAX_IN_FLIGHT - inFlight.get();
        if (room <= 0) {
            return Uni.createFrom().item(0);
        }
        if (!running.compareAndSet(false, true)) {
            wokenMeanwhile.set(true);
            return Uni.createFrom().item(0);
        }
        // The lease outlives a delivery's whole deadline (twice the timeout), so no other pod claims it meanwhile.
        int lease = (int) Math.max(3, config.webhooks().timeout().toSeconds() * 3);
        return repository.claim(Math.min(CLAIM_BATCH, room), lease, PER_ENDPOINT_IN_FLIGHT)
                .invoke(claimed -> claimed.forEach(delivery -> {
                    inFlight.incrementAndGet();
                    // Deferred, so that nothing thrown while preparing a delivery escapes the chain and leaks its slot.
                    Uni.createFrom().deferred(() -> deliver(delivery)).eventually(inFlight::decrementAndGet)
                            .subscribe().with(done -> {
                            }, failure -> LOG.debugf("A webhook delivery failed to settle: %s", failure.getMessage()));
                }))
                .map(List::size)
                .eventually(() -> {
                    running.set(false);
                    if (wokenMeanwhile.getAndSet(false)) {
                        // A short pause gathers the settles of the next few ms into one claim instead of one each.
                        vertx.setTimer(CLAIM_SPACING_MILLIS, fired -> wakeNow());
                    }
                });
    }

    private Uni<Void> deliver(WebhookRepository.Claimed delivery) {
        Row event = delivery.event();
        String body = EventBodies.body(event.getUUID("id"), event.getString("type"), event.getUUID("event_tenant"),
                event.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                event.getLong("position"), payload(event.getString("payload")), event.getUUID("actor_credential_id"),
                event.getString("actor_kind")).toString();
        String id = delivery.eventId().toString();
        long timestamp = Instant.now().getEpochSecond();
        long started = System.nanoTime();
        URI uri;
        try {
            uri = targets.parse(delivery.url());
        } catch (RuntimeException e) {
            return settle(delivery, null, "invalid endpoint URL", null, started, false);
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(uri.toString())
                .setTimeout(config.webhooks().timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignatures.header(delivery.secrets(), id, timestamp, body))
                .putHeader("user-agent", "Roster-Webhooks");
        return targets.vettedAddress(uri)
                .invoke(address -> {
                    if (address != null) {
                        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                        request.setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()));
                    }
                })
                .chain(() -> client.request(request))
                .chain(outgoing -> outgoing.send(Buffer.buffer(body)))
                .chain(response -> response.toMulti().select().first().collect().first()
                        .map(first -> new Answer(response.statusCode(), first == null ? null : first.toString())))
                // One deadline for the whole delivery (resolution, connection, answer), well inside the lease.
                .ifNoItem().after(config.webhooks().timeout().multipliedBy(2)).fail()
                .onItemOrFailure().transformToUni((answer, failure) -> failure != null
                        ? settle(delivery, null, describe(failure), null, started, true)
                        : settle(delivery, answer.status(), null, answer.body(), started,
                        answer.status() >= 500 || answer.status() == 408 || answer.status() == 429));
    }

    private record Answer(int status, String body) {
    }

    private Uni<Void> settle(WebhookRepository.Claimed delivery, Integer status, String error, String body,
                             long started, boolean retryable) {
        int latency = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        boolean delivered = status != null && status >= 200 && status < 300;
        RosterConfig.Webhooks settings = config.webhooks();
        String state;
        Instant next = null;
        if (delivered) {
            state = "delivered";
        } else if (retryable && delivery.attempt() < settings.maxAttempts()
                && Instant.now().isBefore(delivery.createdAt().plus(settings.maxAge()))) {
            state = "pending";
            next = Instant.now().plus(backoff(delivery.attempt()));
        } else {
            state = "dead";
        }
        metrics.record(state, "pending".equals(state), Duration.ofMillis(latency));
        String truncated = body == null ? null : body.length() > MAX_RESPONSE_BODY ? body.substring(0, MAX_RESPONSE_BODY)
                : body;
        Instant retryAt = next;
        return settlements.settle(new WebhookRepository.Settlement(delivery, status, error, truncated, latency, state,
                        next, retryable))
                .onFailure().invoke(failure -> LOG.debugf("Recording a webhook attempt failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(circuitOpenUntil -> {
                    wakeNow();
                    wakeAt(retryAt);
                    // When the circuit half-opens, the probe should go at once, not at the next poll.
                    wakeAt(circuitOpenUntil);
                })
                .replaceWithVoid();
    }

    private void wakeAt(Instant at) {
        if (at != null) {
            long delay = Math.max(1, Duration.between(Instant.now(), at).toMillis() + 5);
            vertx.setTimer(delay, fired -> wakeNow());
        }
    }

    /** base * 2^(attempt-1), at most retryMax, times a jitter in [0.5, 1.5) so receivers are not hit in waves. */
    Duration backoff(int attempt) {
        RosterConfig.Webhooks settings = config.webhooks();
        long base = settings.retryBase().toMillis();
        long exponential = base << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(settings.retryMax().toMillis(), exponential);
        return Duration.ofMillis((long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? "the connection failed" : message.length() > 200 ? message.substring(0, 200) : message;
    }

    private JsonNode payload(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }
}

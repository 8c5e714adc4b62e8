package dev.roster.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.roster.events.webhooks.WebhookSignatures;
import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, items 2-3, against a real HTTP receiver on loopback: Standard Webhooks signatures (both secrets during a
 * rotation), retries after 5xx, dead letter and redelivery, one resource's events in order.
 */
@QuarkusTest
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got. */
    record Received(String id, String timestamp, String signature, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** When each request to /hook arrived. */
    private final ConcurrentLinkedQueue<Instant> arrivals = new ConcurrentLinkedQueue<>();
    /** Answers to give, in order; 200 once they run out. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger alwaysFail = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger sleepyCalls = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private ScimClient scim;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            arrivals.add(Instant.now());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            Integer status = alwaysFail.get() > 0 ? Integer.valueOf(500) : answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.createContext("/slow", exchange -> {
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), null, null, body));
            concurrent.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/sleepy", exchange -> {
            boolean first = sleepyCalls.getAndIncrement() == 0;
            if (first) {
                try {
                    Thread.sleep(3_500); // longer than the test profile's 2 s timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), null, null, body));
            try {
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException gone) {
                // the relay gave up on this attempt already
            }
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        scim = ScimClient.newTenant("Webhooks");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private Map<String, Object> endpoint(Map<String, Object> body) {
        return Api.admin().body(body).post("/admin/v1/tenants/" + scim.tenantId + "/webhooks").then().statusCode(201)
                .extract().jsonPath().getMap("");
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static boolean verifies(Received delivery, String secret) {
        String expected = "v1," + WebhookSignatures.sign(secret, delivery.id(), Long.parseLong(delivery.timestamp()),
                delivery.body());
        return List.of(delivery.signature().split(" ")).contains(expected);
    }

    @Test
    void i11_2_deliveriesAreSignedTheStandardWebhooksWay() {
        String secret = (String) endpoint(Map.of("url", url())).get("secret");
        assertTrue(secret.startsWith("whsec_"));
        String user = scim.createUser("hook-" + UUID.randomUUID() + "@contoso.com");
        await(() -> !received.isEmpty(), "a delivery");
        Received delivery = received.peek();
        JsonNode body = delivery.json();
        assertEquals("user.created", body.get("type").asText());
        assertEquals(user, body.at("/resource/id").asText());
        assertEquals(body.get("id").asText(), delivery.id());
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp())) < 60);
        assertTrue(verifies(delivery, secret), delivery.signature());
        assertTrue(!verifies(delivery, WebhookSignatures.newSecret()), "a stranger's secret does not verify");
    }

    @Test
    void i11_2_duringARotationBothSecretsSign() {
        Map<String, Object> created = endpoint(Map.of("url", url()));
        String id = (String) created.get("id");
        String oldSecret = (String) created.get("secret");
        String newSecret = Api.admin().post("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/secrets")
                .then().statusCode(201).extract().path("secret");
        scim.createUser("rot-" + UUID.randomUUID() + "@contoso.com");
        await(() -> !received.isEmpty(), "a delivery");
        Received both = received.poll();
        assertEquals(2, both.signature().split(" ").length);
        assertTrue(verifies(both, oldSecret) && verifies(both, newSecret));

        String oldId = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id).then()
                .statusCode(200).extract().path("secrets[0].id");
        Api.admin().delete("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/secrets/" + oldId).then()
                .statusCode(204);
        scim.createUser("rot2-" + UUID.randomUUID() + "@contoso.com");
        await(() -> !received.isEmpty(), "a delivery after the rotation");
        Received after = received.poll();
        assertEquals(1, after.signature().split(" ").length);
        assertTrue(verifies(after, newSecret) && !verifies(after, oldSecret));
    }

    @Test
    void i11_2_aFailedDeliveryIsRetriedThenDelivered() {
        String id = (String) endpoint(Map.of("url", url(), "eventTypes", List.of("user.created"))).get("id");
        answers.add(500);
        answers.add(503);
        scim.createUser("retry-" + UUID.randomUUID() + "@contoso.com");
        await(() -> received.size() >= 3, "three attempts");
        List<String> ids = received.stream().map(Received::id).distinct().toList();
        assertEquals(1, ids.size(), "the same webhook-id on every attempt, for receivers to dedupe");
        await(() -> "delivered".equals(Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id
                + "/deliveries").then().extract().path("items[0].state")), "delivered");
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/deliveries").then()
                .body("items[0].attempts", org.hamcrest.Matchers.equalTo(3))
                .body("items[0].lastStatus", org.hamcrest.Matchers.equalTo(200));
    }

    @Test
    void i11_2_aReceiverThatTimesOutIsRetried() {
        String id = (String) endpoint(Map.of("url", url().replace("/hook", "/sleepy"), "eventTypes",
                List.of("user.created"))).get("id");
        scim.createUser("sleepy-" + UUID.randomUUID() + "@contoso.com");
        String deliveries = "/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/deliveries";
        await(() -> "delivered".equals(Api.admin().get(deliveries).then().extract().path("items[0].state")),
                "delivered after the timeout");
        Api.admin().get(deliveries).then().body("items[0].attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void i11_2_aDeliveryDiesAfterItsAttemptsAndCanBeRedelivered() {
        String id = (String) endpoint(Map.of("url", url(), "eventTypes", List.of("user.created"))).get("id");
        alwaysFail.set(1);
        scim.createUser("dead-" + UUID.randomUUID() + "@contoso.com");
        String deliveries = "/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/deliveries";
        await(() -> "dead".equals(Api.admin().get(deliveries).then().extract().path("items[0].state")), "dead");
        assertEquals(3, received.size(), "max-attempts in the test profile");
        String eventId = Api.admin().get(deliveries).then().extract().path("items[0].eventId");
        alwaysFail.set(0);
        Api.admin().body(Map.of("eventId", eventId)).post("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id
                + "/redeliver").then().statusCode(202);
        await(() -> "delivered".equals(Api.admin().get(deliveries).then().extract().path("items[0].state")),
                "redelivered");
    }

    @Test
    void i11_3_oneResourcesEventsArriveInOrder() {
        endpoint(Map.of("url", url()));
        answers.add(500); // the first event is retried: the later ones must wait for it
        String user = scim.createUser("order-" + UUID.randomUUID() + "@contoso.com");
        for (int i = 0; i < 5; i++) {
            scim.patch("/Users/" + user, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"N" + i + "\"}"))
                    .statusCode(200);
        }
        await(() -> received.stream().map(Received::id).distinct().count() >= 6, "six events");
        List<Long> cursors = new ArrayList<>();
        String lastId = null;
        for (Received delivery : received) {
            if (!delivery.id().equals(lastId)) {
                cursors.add(delivery.json().get("cursor").asLong());
            }
            lastId = delivery.id();
        }
        List<Long> sorted = new ArrayList<>(cursors);
        sorted.sort(null);
        assertEquals(sorted, cursors, "one resource's events in commit order, retries included");
    }

    @Test
    void i11_2_aTimeRangeIsRedelivered() {
        String id = (String) endpoint(Map.of("url", url(), "eventTypes", List.of("user.created"))).get("id");
        Instant from = Instant.now().minusSeconds(60);
        scim.createUser("range1-" + UUID.randomUUID() + "@contoso.com");
        scim.createUser("range2-" + UUID.randomUUID() + "@contoso.com");
        await(() -> received.size() >= 2, "two deliveries");
        Api.admin().body(Map.of("from", from.toString(), "to", Instant.now().plusSeconds(60).toString()))
                .post("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/redeliver").then().statusCode(202)
                .body("queued", org.hamcrest.Matchers.equalTo(2));
        await(() -> received.size() >= 4, "both again");
        assertEquals(2, received.stream().map(Received::id).distinct().count());
        Api.admin().body(Map.of("from", "yesterday", "to", "today"))
                .post("/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id + "/redeliver").then().statusCode(400);
    }

    @Inject
    dev.roster.events.webhooks.WebhookRepository deliveries;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /**
     * Issue 11, item 3: two relays (two pods) claiming at the same moment never get the same delivery (SKIP LOCKED), so
     * under normal operation each event is delivered once.
     */
    @Test
    void i11_3_twoRelaysNeverClaimTheSameDelivery() throws Throwable {
        String endpointId = (String) endpoint(Map.of("url", url())).get("id");
        UUID tenant = UUID.fromString(scim.tenantId);
        long base = -Math.abs(System.nanoTime() % 1_000_000_000_000L) - 1_000;
        for (int i = 0; i < 40; i++) {
            UUID event = UUID.randomUUID();
            long position = base - i;
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("""
                            with e as (insert into outbox_event (tenant_id, id, type, resource_type, resource_id, occurred_at,
                                                                 payload, position)
                                       values ($1, $2, 'user.updated', 'User', $3, now(), '{"resource": {}}'::jsonb, $4))
                            insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, resource_id, position, state,
                                                          next_attempt_at, created_at)
                            values ($1, gen_random_uuid(), $5, $2, $3, $4, 'pending', now() - interval '1 second', now())""")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant, event, UUID.randomUUID(), position,
                            UUID.fromString(endpointId))));
        }
        var first = deliveries.claim(100, 30, 100).subscribeAsCompletionStage();
        var second = deliveries.claim(100, 30, 100).subscribeAsCompletionStage();
        java.util.Set<UUID> a = first.get().stream().map(c -> c.deliveryId()).collect(java.util.stream.Collectors.toSet());
        java.util.Set<UUID> b = second.get().stream().map(c -> c.deliveryId()).collect(java.util.stream.Collectors.toSet());
        assertTrue(!a.isEmpty() || !b.isEmpty(), "the relays claimed something");
        java.util.Set<UUID> both = new java.util.HashSet<>(a);
        both.retainAll(b);
        assertEquals(java.util.Set.of(), both, "no delivery claimed twice");
    }

    /**
     * Issue 11, item 2: a receiver that keeps failing trips its endpoint's circuit (3 failures, open 2 s in the test
     * profile): nothing is posted to it while it is open, then a single probe; a failed probe opens it again, a
     * successful one closes it and deliveries flow again.
     */
    @Test
    void i11_2_aFailingReceiverTripsTheCircuitAndOneProbeDecides() {
        String id = (String) endpoint(Map.of("url", url(), "eventTypes", List.of("user.created"))).get("id");
        String path = "/admin/v1/tenants/" + scim.tenantId + "/webhooks/" + id;
        alwaysFail.set(1);
        for (int i = 0; i < 10; i++) {
            scim.createUser("trip-" + i + "-" + UUID.randomUUID() + "@contoso.com");
        }
        await(() -> "open".equals(Api.admin().get(path).then().extract().path("circuit.state")), "the circuit opens");
        Instant seenOpen = Instant.now();
        Instant openUntil = Instant.parse(Api.admin().get(path).then().extract().path("circuit.openUntil"));
        await(() -> arrivals.stream().anyMatch(at -> at.isAfter(openUntil.minusMillis(100))), "the probe");
        await(() -> "open".equals(Api.admin().get(path).then().extract().path("circuit.state"))
                && Instant.parse(Api.admin().get(path).then().extract().<String>path("circuit.openUntil"))
                .isAfter(openUntil), "a failed probe opens the circuit again");
        long whileOpen = arrivals.stream()
                .filter(at -> at.isAfter(seenOpen.plusMillis(100)) && at.isBefore(openUntil.minusMillis(100))).count();
        assertEquals(0, whileOpen, "nothing is posted while the circuit is open");
        long probes = arrivals.stream()
                .filter(at -> at.isAfter(openUntil.minusMillis(100)) && at.isBefore(openUntil.plusMillis(1_500))).count();
        assertEquals(1, probes, "one probe when the circuit half-opens");

        alwaysFail.set(0);
        await(() -> "closed".equals(Api.admin().get(path).then().extract().path("circuit.state")),
                "a successful probe closes the circuit");
        Api.admin().get(path).then().body("circuit.consecutiveFailures", org.hamcrest.Matchers.equalTo(0));
        int before = received.size();
        scim.createUser("after-" + UUID.randomUUID() + "@contoso.com");
        await(() -> received.size() > before, "deliveries flow again");
    }

    /** Issue 11, item 2: a slow receiver holds at most its per-endpoint share of deliveries in flight. */
    @Test
    void i11_2_aSlowEndpointHoldsOnlyItsShareOfDeliveries() {
        endpoint(Map.of("url", url().replace("/hook", "/slow"), "eventTypes", List.of("user.created")));
        for (int i = 0; i < 20; i++) {
            scim.createUser("slow-" + i + "-" + UUID.randomUUID() + "@contoso.com");
        }
        await(() -> received.size() >= 20, "all twenty delivered");
        assertTrue(maxConcurrent.get() <= 8, "at most 8 in flight to one endpoint, saw " + maxConcurrent.get());
        assertTrue(maxConcurrent.get() >= 2, "deliveries to one endpoint do run in parallel");
    }

    /**
     * Issue 11, item 3: a delivery queued by another pod (here: inserted directly, so this pod's own wake-up never
     * fires) starts as soon as that pod's NOTIFY arrives, not at the next poll (30 s in the test profile).
     */
    @Test
    void i11_3_aNotificationFromAnyPodWakesTheRelay() throws Throwable {
        String endpointId = (String) endpoint(Map.of("url", url())).get("id");
        UUID tenant = UUID.fromString(scim.tenantId);
        UUID event = UUID.randomUUID();
        long position = -Math.abs(System.nanoTime() % 1_000_000_000_000L) - 5_000_000;
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("""
                        with e as (insert into outbox_event (tenant_id, id, type, resource_type, resource_id, occurred_at,
                                                             payload, position)
                                   values ($1, $2, 'user.updated', 'User', $3, now(), '{"resource": {}}'::jsonb, $4))
                        insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, resource_id, position, state,
                                                      next_attempt_at, created_at)
                        values ($1, gen_random_uuid(), $5, $2, $3, $4, 'pending', now(), now())""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant, event, UUID.randomUUID(), position,
                        UUID.fromString(endpointId))));
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> pool.query(
                "select pg_notify('roster_deliveries', '')").execute());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (received.stream().noneMatch(r -> event.toString().equals(r.id())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(received.stream().anyMatch(r -> event.toString().equals(r.id())), "delivered on the notification");
    }

    @Test
    void i11_2_endpointsAreChecked() {
        Api.admin().body(Map.of("url", "ftp://example.com/hook")).post("/admin/v1/tenants/" + scim.tenantId
                + "/webhooks").then().statusCode(400).body("detail", containsString("https"));
        Api.admin().body(Map.of("url", url(), "eventTypes", List.of("user.exploded"))).post("/admin/v1/tenants/"
                + scim.tenantId + "/webhooks").then().statusCode(400).body("detail", containsString("user.created"));
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/webhooks").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }
}

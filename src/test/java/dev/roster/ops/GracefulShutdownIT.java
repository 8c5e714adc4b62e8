package dev.roster.ops;

import dev.roster.support.PackagedRoster;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 7, against the packaged jar as Kubernetes runs it (prod profile: 5 s shutdown delay, then a drain):
 * 16 writers POST users without pause; SIGTERM arrives mid-load. Every request sent before the delay ends is answered
 * (none is cut off with a reset), no answer is a 5xx, and after a restart on the same data exactly the acknowledged users
 * are stored: nothing committed goes unacknowledged, nothing acknowledged is lost.
 */
class GracefulShutdownIT {

    private static final Path LOG = Path.of("target/graceful-shutdown-it.log");
    private static final Path DATA = Path.of("target/graceful-shutdown-pg");
    private static final String ADMIN_KEY = "graceful-shutdown-admin-key";
    /** quarkus.shutdown.delay of the prod profile: requests keep being served this long after SIGTERM. */
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(5);
    private static final int WRITERS = 16;

    record Outcome(long sentAtNanos, int status, String failure) {
    }

    @Test
    void i10_7_requestsArrivingAfterSigtermAreAnsweredAndEveryCommitIsAcknowledged() throws Exception {
        int port = freePort();
        deleteRecursively(DATA);
        Process roster = start(port);
        ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long sigtermAt;
        String tenant;
        String token;
        try {
            awaitReady(client, port);
            tenant = field(post(client, port, "/admin/v1/tenants", ADMIN_KEY, "application/json", "{\"name\":\"Shutdown\"}"), "id");
            token = field(post(client, port, "/admin/v1/tenants/" + tenant + "/tokens", ADMIN_KEY, "application/json",
                    "{\"description\":\"load\"}"), "token");
            long stopAt = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            AtomicInteger sequence = new AtomicInteger();
            for (int w = 0; w < WRITERS; w++) {
                String t = tenant;
                String k = token;
                writers.submit(() -> {
                    while (System.nanoTime() < stopAt && roster.isAlive()) {
                        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"s-"
                                + sequence.incrementAndGet() + "@contoso.com\"}";
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request(port, "/scim/v2/" + t + "/Users", k,
                                    "application/scim+json", body), HttpResponse.BodyHandlers.ofString());
                            outcomes.add(new Outcome(sent, response.statusCode(), null));
                        } catch (IOException e) {
                            outcomes.add(new Outcome(sent, -1, e.toString()));
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2_000);
            sigtermAt = System.nanoTime();
            roster.destroy(); // SIGTERM
            writers.shutdown();
            assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
            assertTrue(roster.waitFor(60, TimeUnit.SECONDS), "Roster stopped after SIGTERM");
        } finally {
            roster.destroyForcibly();
        }

        long delayEnds = sigtermAt + SHUTDOWN_DELAY.toNanos();
        List<Outcome> inDelay = outcomes.stream().filter(o -> o.sentAtNanos() >= sigtermAt && o.sentAtNanos() < delayEnds)
                .toList();
        List<Outcome> cutOff = inDelay.stream().filter(o -> o.status() < 0).toList();
        long acknowledged = outcomes.stream().filter(o -> o.status() == 201).count();
        long serverErrors = outcomes.stream().filter(o -> o.status() >= 500).count();
        System.out.printf("graceful shutdown: requests=%d acknowledged=%d sentDuringDelay=%d cutOffDuringDelay=%d"
                        + " 5xx=%d failuresAfterDrain=%d%n", outcomes.size(), acknowledged, inDelay.size(), cutOff.size(),
                serverErrors, outcomes.stream().filter(o -> o.status() < 0).count() - cutOff.size());
        assertTrue(inDelay.size() > WRITERS, "the load ran through the shutdown delay");
        assertEquals(List.of(), cutOff, "requests sent during the shutdown delay are answered");
        assertEquals(0, serverErrors);

        Process again = start(port);
        try {
            awaitReady(client, port);
            String list = client.send(request(port, "/scim/v2/" + tenant + "/Users?count=0", token, null, null),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(acknowledged, Long.parseLong(field(list, "totalResults")), "stored users = acknowledged users");
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
    }

    /** Starts the jar on a data directory that survives its stop (an embedded "clean" directory is wiped at stop). */
    private static Process start(int port) throws IOException {
        return PackagedRoster.start(port, ADMIN_KEY, DATA, LOG);
    }

    private static void awaitReady(HttpClient client, int port) throws Exception {
        PackagedRoster.awaitReady(port, LOG);
    }

    private static HttpRequest request(int port, String path, String bearer, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    private static String post(HttpClient client, int port, String path, String bearer, String type, String body)
            throws Exception {
        HttpResponse<String> response = client.send(request(port, path, bearer, type, body),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response::body);
        return response.body();
    }

    /** One top-level scalar field of a JSON answer (no JSON library on purpose: this test sees only the wire). */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertTrue(matcher.find(), () -> name + " in " + json);
        return matcher.group(1);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        PackagedRoster.deleteRecursively(dir);
    }

    private static int freePort() throws IOException {
        return PackagedRoster.freePort();
    }
}

package dev.roster.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
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

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
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
        assertTrue(Files.exists(JAR), "the packaged jar exists (mvn package ran)");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/graceful-shutdown-it.log").toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("ROSTER_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("ROSTER_EMBEDDED_PG_DIR", DATA.toString());
        builder.environment().put("ROSTER_EMBEDDED_PG_CLEAN", "false");
        builder.environment().remove("QUARKUS_DATASOURCE_REACTIVE_URL");
        return builder.start();
    }

    private static void awaitReady(HttpClient client, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(request(port, "/q/health/ready", null, null, null),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Roster did not become ready; see target/graceful-shutdown-it.log");
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
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

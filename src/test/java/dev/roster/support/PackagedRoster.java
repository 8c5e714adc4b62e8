package dev.roster.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar as an operator runs it (the integration tests that need a real process: shutdown, the README). */
public final class PackagedRoster {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private PackagedRoster() {
    }

    /** Starts the jar on a port with an admin key and an embedded PostgreSQL data directory that survives its stop. */
    public static Process start(int port, String adminKey, Path data, Path log) throws IOException {
        assertTrue(Files.exists(JAR), "the packaged jar exists (mvn package ran)");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("ROSTER_ADMIN_KEY", adminKey);
        builder.environment().put("ROSTER_EMBEDDED_PG_DIR", data.toString());
        builder.environment().put("ROSTER_EMBEDDED_PG_CLEAN", "false");
        builder.environment().remove("QUARKUS_DATASOURCE_REACTIVE_URL");
        return builder.start();
    }

    /** Waits up to a minute for readiness. */
    public static void awaitReady(int port, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Roster did not become ready; see " + log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

package dev.roster.config.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL per JVM and data directory, whose data survives restarts (unless asked to start clean, as tests
 * do). Quarkus loads this class in several class loaders (tests, dev-mode reloads), so the running server's port is
 * recorded in a system property, which every class loader sees, rather than in a static field alone.
 */
final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String PORT_PROPERTY_PREFIX = "roster.embedded-pg.running-port.";

    private EmbeddedPostgresServer() {
    }

    /** Starts the server on the first call for this directory and returns its port. */
    static int start(String dataDir, boolean clean) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        String key = PORT_PROPERTY_PREFIX + dir;
        synchronized (System.getProperties()) {
            String running = System.getProperty(key);
            if (running != null) {
                return Integer.parseInt(running);
            }
            try {
                Files.createDirectories(dir.getParent());
                long started = System.nanoTime();
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "256MB")
                        // Throwaway test data needs no durability; a developer's local data keeps it.
                        .setServerConfig("fsync", clean ? "off" : "on")
                        .setServerConfig("synchronous_commit", clean ? "off" : "on")
                        .start();
                LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%d ms)", server.getPort(), dir,
                        (System.nanoTime() - started) / 1_000_000);
                System.setProperty(key, Integer.toString(server.getPort()));
                return server.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
                        + "; set QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL to use an external one", e);
            }
        }
    }
}

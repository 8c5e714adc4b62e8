package dev.roster.config.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One embedded PostgreSQL per JVM and data directory, whose data survives restarts (unless asked to start clean, as tests
 * do). Quarkus loads this class in several class loaders (tests, dev-mode reloads), so the running server's port is
 * recorded in a system property, which every class loader sees, rather than in a static field alone.
 */
final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String PORT_PROPERTY_PREFIX = "roster.embedded-pg.running-port.";
    /** Shutdown delay (5 s) + drain timeout (25 s) + a margin: the longest Roster may keep using the database. */
    private static final Duration MAX_DRAIN_WAIT = Duration.ofSeconds(40);

    private EmbeddedPostgresServer() {
    }

    /**
     * Stops the server once the application has let go of it: Quarkus's own shutdown hook runs at the same time, serves
     * requests through the shutdown delay, drains them, and only then closes its pools. So this waits until no client
     * connection but its own is left (bounded by {@link #MAX_DRAIN_WAIT}), then stops PostgreSQL. When the application
     * has already stopped (tests, dev mode), that is at once.
     */
    private static void closeWhenUnused(EmbeddedPostgres server) {
        long deadline = System.nanoTime() + MAX_DRAIN_WAIT.toNanos();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             PreparedStatement others = connection.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = others.executeQuery()) {
                    if (count.next() && count.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Could not watch the embedded PostgreSQL's connections before stopping it: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("Could not stop the embedded PostgreSQL: %s", e.getMessage());
        }
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
                        // Not zonky's own hook: it stopped the database the moment SIGTERM arrived, while Roster was
                        // still serving its shutdown delay and draining requests (issue 10, item 7).
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWhenUnused(server), "embedded-pg-closer"));
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

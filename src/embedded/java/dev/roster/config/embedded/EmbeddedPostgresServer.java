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

    /**
     * Fails at once, naming the directory, the other process and the setting, when a PostgreSQL of another process (a
     * second Roster, a dev mode left running) already serves this data directory: without this check the start waits for
     * a server that can never come up and fails minutes later with nothing to go on (issue 14, item 4). A lock file left
     * by a process that is gone is PostgreSQL's to clean up, as it does.
     */
    static void refuseIfInUse(Path dir) {
        Path lock = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        try {
            String first = Files.readAllLines(lock).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                String command = ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElse("");
                throw new IllegalStateException("The embedded PostgreSQL data directory " + dir + " is in use by"
                        + " process " + pid + (command.isEmpty() ? "" : " (" + abbreviate(command) + ")")
                        + ", most likely another Roster. Stop that one, or give this one its own directory with"
                        + " roster.embedded-pg.dir (env ROSTER_EMBEDDED_PG_DIR).");
            }
        } catch (IOException | NumberFormatException e) {
            // An unreadable or partial lock file: let PostgreSQL judge it.
        }
    }

    private static String abbreviate(String command) {
        return command.length() > 120 ? command.substring(0, 120) + "..." : command;
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
            if (!clean) {
                refuseIfInUse(dir);
            }
            try {
                Files.createDirectories(dir.getParent());
                long started = System.nanoTime();
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "256MB")
                        // Statement statistics for anyone asking what a request costs (bench/statements.mjs, and the
                        // tests that count the hot path's statements); loading it is all it costs until queried.
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
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

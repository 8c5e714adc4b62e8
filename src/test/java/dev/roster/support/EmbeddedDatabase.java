package dev.roster.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and restarts the test's embedded PostgreSQL, for outage tests. PostgreSQL records its own command line in
 * {@code postmaster.opts}; stopping sends SIGINT (fast shutdown: sessions are cut, as in a crash of the database host's
 * service) and starting runs that command line again, on the same port and data directory, so the application's pool
 * reconnects by itself. PostgreSQL refuses to run as root, which is how CI runs; as root the server is started in a user
 * namespace ({@code unshare}) where root is mapped to an unprivileged id that owns the data directory.
 */
public final class EmbeddedDatabase {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private final Path dataDir;
    private final List<String> command;
    private final int port;
    private Process restarted;

    private EmbeddedDatabase(Path dataDir, List<String> command, int port) {
        this.dataDir = dataDir;
        this.command = command;
        this.port = port;
    }

    /** The running embedded server of this test run, or null when the tests use an external database. */
    public static EmbeddedDatabase running() throws IOException {
        String dir = ConfigProvider.getConfig().getOptionalValue("roster.embedded-pg.dir", String.class).orElse(null);
        if (dir == null || !Files.exists(Path.of(dir, "postmaster.opts")) || !Files.exists(Path.of(dir, "postmaster.pid"))) {
            return null;
        }
        Path dataDir = Path.of(dir).toAbsolutePath();
        String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
        List<String> command = new ArrayList<>();
        command.add(opts.substring(0, opts.indexOf(' ')));
        Matcher matcher = QUOTED.matcher(opts);
        while (matcher.find()) {
            command.add(matcher.group(1));
        }
        int port = Integer.parseInt(command.get(command.indexOf("-p") + 1));
        return new EmbeddedDatabase(dataDir, command, port);
    }

    public void stop() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    /** Starts the server again and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        List<String> asUnprivileged = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            asUnprivileged.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        }
        asUnprivileged.addAll(command);
        restarted = new ProcessBuilder(asUnprivileged)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-restart.log").toFile())
                .start();
        // The restarted server is this JVM's child: stop it with the JVM, as the embedded library stops its own.
        Process child = restarted;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
                child.onExit().get();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL did not come back on port " + port);
    }
}

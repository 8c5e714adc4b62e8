package dev.roster.config.embedded;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * Datasource settings pointing at the embedded server, which starts on the first read of one of them. Lazy on purpose:
 * Quarkus also builds a configuration while augmenting the application (at build time), which reads no datasource URL,
 * so no server starts then; and the property names are not enumerated, so no port is ever baked into the build.
 */
final class EmbeddedPostgresConfigSource implements ConfigSource {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** Below system properties (400), environment (300) and application.properties (250): explicit settings win. */
    private static final int ORDINAL = 150;

    private final String dataDir;
    private final boolean clean;

    EmbeddedPostgresConfigSource(String dataDir, boolean clean) {
        this.dataDir = dataDir;
        this.clean = clean;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String name) {
        return switch (name) {
            // The user travels in the URLs: the embedded server trusts local connections of the "postgres" role.
            case REACTIVE_URL -> "postgresql://postgres@localhost:" + port() + "/postgres";
            case JDBC_URL -> "jdbc:postgresql://localhost:" + port() + "/postgres?user=postgres";
            default -> null;
        };
    }

    private int port() {
        return EmbeddedPostgresServer.start(dataDir, clean);
    }

    @Override
    public String getName() {
        return "roster-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}

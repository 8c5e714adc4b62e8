package dev.roster.config.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;

/**
 * Supplies the datasource settings of an embedded PostgreSQL (zonky) when none are configured, so that a fresh clone runs
 * with {@code ./mvnw quarkus:dev} or {@code java -jar} and no database to install. When
 * {@code quarkus.datasource.reactive.url} is set (for instance through {@code QUARKUS_DATASOURCE_REACTIVE_URL}), or
 * {@code roster.embedded-pg.enabled=false}, this factory contributes nothing and no server starts.
 *
 * <p>This source tree ({@code src/embedded}) is compiled only in the {@code embedded-pg} Maven profile; container and native
 * builds leave it and zonky out.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, EmbeddedPostgresConfigSource.REACTIVE_URL)
                || !Boolean.parseBoolean(valueOr(context, "roster.embedded-pg.enabled", "true"))) {
            return List.of();
        }
        String dir = valueOr(context, "roster.embedded-pg.dir", ".roster/pg");
        boolean clean = Boolean.parseBoolean(valueOr(context, "roster.embedded-pg.clean", "false"));
        return List.of(new EmbeddedPostgresConfigSource(dir, clean));
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        return isSet(context, name) ? context.getValue(name).getValue() : fallback;
    }
}

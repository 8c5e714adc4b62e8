package dev.roster.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.schema.ExtensionSchemaReader;
import dev.roster.scim.schema.SchemaRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The schema registry a tenant sees: the standard schemas plus its custom extensions. Built from the database and cached per
 * pod for the credential cache TTL, so a new extension reaches every pod within seconds; changes on this pod invalidate at
 * once. Read with the reactive SQL client: it is on every SCIM request's path.
 */
@ApplicationScoped
public class TenantSchemas {

    private static final Logger LOG = Logger.getLogger(TenantSchemas.class);

    @Inject
    TenantSchemaRepository stored;
    @Inject
    ObjectMapper mapper;
    @Inject
    @CacheName("tenant-schemas")
    Cache cache;

    public Uni<SchemaRegistry> registry(UUID tenantId) {
        return cache.getAsync(tenantId, this::load);
    }

    public Uni<Void> invalidate(UUID tenantId) {
        return cache.invalidate(tenantId);
    }

    private Uni<SchemaRegistry> load(UUID tenantId) {
        return stored.definitionsOf(tenantId).map(definitions -> {
            SchemaRegistry registry = SchemaRegistry.standard();
            for (TenantSchemaRepository.StoredDefinition definition : definitions) {
                registry = withExtension(registry, definition.resourceType(), definition.definition());
            }
            return registry;
        });
    }

    /** A stored definition was validated when it was written; one that no longer reads is skipped, not fatal. */
    private SchemaRegistry withExtension(SchemaRegistry registry, String resourceType, String definition) {
        try {
            JsonNode json = mapper.readTree(definition);
            return registry.withExtension(resourceType, ExtensionSchemaReader.read(json));
        } catch (Exception e) {
            LOG.warnf("Skipping an unreadable custom schema of resource type %s: %s", resourceType, e.getMessage());
            return registry;
        }
    }
}

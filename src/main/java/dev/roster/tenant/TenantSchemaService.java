package dev.roster.tenant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.Schema;
import dev.roster.failure.Failure;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admin side of custom extension schemas: add, list, remove. */
@ApplicationScoped
public class TenantSchemaService {

    static final int MAX_SCHEMAS_PER_TENANT = 20;

    @Inject
    TenantRepository tenants;
    @Inject
    TenantSchemas registries;
    @Inject
    TenantSchemaRepository schemas;

    @WithTransaction
    public Uni<TenantSchemaEntity> add(UUID tenantId, String resourceType, Schema schema, ObjectNode definition) {
        return tenants.requireExists(tenantId)
                .chain(() -> schemas.ofTenant(tenantId))
                .chain(existing -> {
                    if (existing.size() >= MAX_SCHEMAS_PER_TENANT) {
                        throw Failure.conflict("This tenant already has " + MAX_SCHEMAS_PER_TENANT
                                + " custom schemas.");
                    }
                    if (existing.stream().anyMatch(s -> s.schemaId.equalsIgnoreCase(schema.id()))) {
                        throw Failure.conflict("Schema " + schema.id() + " already exists in this tenant;"
                                + " delete it first to replace it.");
                    }
                    TenantSchemaEntity entity = new TenantSchemaEntity();
                    entity.id = Ids.newId();
                    entity.tenantId = tenantId;
                    entity.schemaId = schema.id();
                    entity.resourceType = resourceType;
                    entity.definition = definition;
                    entity.createdAt = Instant.now();
                    return schemas.persist(entity);
                })
                .call(() -> registries.invalidate(tenantId));
    }

    @WithSession
    public Uni<List<TenantSchemaEntity>> list(UUID tenantId) {
        return tenants.requireExists(tenantId)
                .chain(() -> schemas.ofTenant(tenantId));
    }

    /** Removes the definition; values already stored in users stay in their documents and are echoed as received. */
    @WithTransaction
    public Uni<Void> remove(UUID tenantId, String schemaId) {
        return schemas.removeBySchemaId(tenantId, schemaId)
                .invoke(count -> {
                    if (count == 0) {
                        throw Failure.notFound("No custom schema " + schemaId + " in tenant " + tenantId + ".");
                    }
                })
                .call(() -> registries.invalidate(tenantId))
                .replaceWithVoid();
    }
}

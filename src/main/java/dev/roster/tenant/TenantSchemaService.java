package dev.roster.tenant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.Schema;
import dev.roster.web.ProblemException;
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

    @WithTransaction
    public Uni<TenantSchemaEntity> add(UUID tenantId, String resourceType, Schema schema, ObjectNode definition) {
        return tenants.requireExists(tenantId)
                .chain(() -> TenantSchemaEntity.<TenantSchemaEntity>list("tenantId", tenantId))
                .chain(existing -> {
                    if (existing.size() >= MAX_SCHEMAS_PER_TENANT) {
                        throw ProblemException.conflict("This tenant already has " + MAX_SCHEMAS_PER_TENANT
                                + " custom schemas.");
                    }
                    if (existing.stream().anyMatch(s -> s.schemaId.equalsIgnoreCase(schema.id()))) {
                        throw ProblemException.conflict("Schema " + schema.id() + " already exists in this tenant;"
                                + " delete it first to replace it.");
                    }
                    TenantSchemaEntity entity = new TenantSchemaEntity();
                    entity.id = Ids.newId();
                    entity.tenantId = tenantId;
                    entity.schemaId = schema.id();
                    entity.resourceType = resourceType;
                    entity.definition = definition;
                    entity.createdAt = Instant.now();
                    return entity.<TenantSchemaEntity>persist();
                })
                .call(() -> registries.invalidate(tenantId));
    }

    @WithSession
    public Uni<List<TenantSchemaEntity>> list(UUID tenantId) {
        return tenants.requireExists(tenantId)
                .chain(() -> TenantSchemaEntity.list("tenantId = ?1 order by createdAt, id", tenantId));
    }

    /** Removes the definition; values already stored in users stay in their documents and are echoed as received. */
    @WithTransaction
    public Uni<Void> remove(UUID tenantId, String schemaId) {
        return TenantSchemaEntity.delete("tenantId = ?1 and lower(schemaId) = lower(?2)", tenantId, schemaId)
                .invoke(count -> {
                    if (count == 0) {
                        throw ProblemException.notFound("No custom schema " + schemaId + " in tenant " + tenantId + ".");
                    }
                })
                .call(() -> registries.invalidate(tenantId))
                .replaceWithVoid();
    }
}

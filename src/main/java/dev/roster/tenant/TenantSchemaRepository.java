package dev.roster.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tenant's custom extension schemas; every query names the tenant. */
@ApplicationScoped
public class TenantSchemaRepository implements PanacheRepositoryBase<TenantSchemaEntity, UUID> {

    @Inject
    Pool pool;

    /** A stored definition as the schema registry reads it. */
    public record StoredDefinition(String resourceType, String definition) {
    }

    /**
     * The tenant's definitions, in the order they were added, read with one prepared statement and no session: the
     * registry is loaded on the request path when its per-pod cache misses (TenantSchemas).
     */
    public Uni<List<StoredDefinition>> definitionsOf(UUID tenantId) {
        return pool.preparedQuery("""
                        select resource_type, definition::text as definition from tenant_schema
                        where tenant_id = $1 order by created_at, id""")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<StoredDefinition> definitions = new ArrayList<>();
                    for (Row row : rows) {
                        definitions.add(new StoredDefinition(row.getString("resource_type"), row.getString("definition")));
                    }
                    return definitions;
                });
    }

    /** In the order they were added (the order their extensions appear in /Schemas). */
    public Uni<List<TenantSchemaEntity>> ofTenant(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId);
    }

    /** Removes the schema with this id (case-insensitively); emits how many rows went. */
    public Uni<Long> removeBySchemaId(UUID tenantId, String schemaId) {
        return delete("tenantId = ?1 and lower(schemaId) = lower(?2)", tenantId, schemaId);
    }
}

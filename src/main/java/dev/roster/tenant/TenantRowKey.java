package dev.roster.tenant;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The primary key of a row that belongs to a tenant and has its own id, {@code (tenant_id, id)}: the key every such table
 * leads with (docs/architecture.md, "Tenant isolation"), shared by the entities that map one through {@code @IdClass}.
 */
public class TenantRowKey implements Serializable {

    public UUID tenantId;
    public UUID id;

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantRowKey key && Objects.equals(tenantId, key.tenantId) && Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}

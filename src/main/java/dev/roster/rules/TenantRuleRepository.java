package dev.roster.rules;

import dev.roster.tenant.TenantRowKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A tenant's rules; every query names the tenant. */
@ApplicationScoped
public class TenantRuleRepository implements PanacheRepositoryBase<TenantRuleEntity, TenantRowKey> {

    /** In the order they were created: labels of later rules win where two set the same key. */
    public Uni<List<TenantRuleEntity>> ofTenant(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId);
    }

    public Uni<Long> removeInTenant(UUID tenantId, UUID id) {
        return delete("tenantId = ?1 and id = ?2", tenantId, id);
    }

    public Uni<Long> countInTenant(UUID tenantId) {
        return count("tenantId", tenantId);
    }
}

package dev.roster.tenant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Tenant lifecycle for the admin API. Deleting a tenant cascades to all of its rows (see V1 migration). */
@ApplicationScoped
public class TenantService {

    @Inject
    TenantRepository tenants;

    @WithTransaction
    public Uni<TenantEntity> create(String name) {
        TenantEntity tenant = new TenantEntity();
        tenant.id = Ids.newId();
        tenant.name = name;
        tenant.createdAt = Instant.now();
        tenant.updatedAt = tenant.createdAt;
        return tenants.persist(tenant);
    }

    @WithSession
    public Uni<TenantEntity> find(UUID id) {
        return tenants.findById(id);
    }

    @WithSession
    public Uni<List<TenantEntity>> page(UUID after, int limitPlusOne) {
        return tenants.pageAfter(after, limitPlusOne);
    }

    /** Applies a change to an existing tenant; emits null when there is no such tenant. */
    @WithTransaction
    public Uni<TenantEntity> update(UUID id, Consumer<TenantEntity> change) {
        return tenants.findById(id).onItem().ifNotNull().invoke(tenant -> {
            change.accept(tenant);
            tenant.updatedAt = Instant.now();
        });
    }

    @WithTransaction
    public Uni<Boolean> delete(UUID id) {
        return tenants.deleteById(id);
    }
}

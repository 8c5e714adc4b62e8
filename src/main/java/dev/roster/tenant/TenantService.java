package dev.roster.tenant;

import dev.roster.failure.Failure;
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

    /** A new tenant with its settings (the name among them) set by {@code settings}. */
    @WithTransaction
    public Uni<TenantEntity> create(Consumer<TenantEntity> settings) {
        TenantEntity tenant = new TenantEntity();
        tenant.id = Ids.newId();
        settings.accept(tenant);
        tenant.createdAt = Instant.now();
        tenant.updatedAt = tenant.createdAt;
        return requireFreeExternalId(tenant.externalId, null).chain(() -> tenants.persist(tenant));
    }

    @WithSession
    public Uni<TenantEntity> find(UUID id) {
        return tenants.findById(id);
    }

    /** One page of tenants, all of them or the one with this external id. */
    @WithSession
    public Uni<List<TenantEntity>> page(UUID after, int limitPlusOne, String externalId) {
        return tenants.pageAfter(after, limitPlusOne, externalId);
    }

    /** The tenant, or a not-found failure; in the caller's session. */
    public Uni<TenantEntity> requireExists(UUID id) {
        return tenants.requireExists(id);
    }

    /** One page of the tenants whose name contains {@code search} or whose external id is it (the console). */
    @WithSession
    public Uni<List<TenantEntity>> search(UUID after, int limitPlusOne, String search) {
        return tenants.pageAfter(after, limitPlusOne, null, search);
    }

    /** Applies a change to an existing tenant; emits null when there is no such tenant. */
    @WithTransaction
    public Uni<TenantEntity> update(UUID id, Consumer<TenantEntity> change) {
        return tenants.findById(id).onItem().ifNotNull().call(tenant -> {
            String externalId = tenant.externalId;
            change.accept(tenant);
            tenant.updatedAt = Instant.now();
            return java.util.Objects.equals(externalId, tenant.externalId) ? Uni.createFrom().voidItem()
                    : requireFreeExternalId(tenant.externalId, id);
        });
    }

    /**
     * A clear 409 when another tenant has this external id (the unique index settles a race between two admins, which
     * then gets the generic conflict answer).
     */
    private Uni<Void> requireFreeExternalId(String externalId, UUID except) {
        if (externalId == null) {
            return Uni.createFrom().voidItem();
        }
        return tenants.findByExternalId(externalId).invoke(other -> {
            if (other != null && !other.id.equals(except)) {
                throw Failure.conflict("externalId '" + externalId + "' already names tenant " + other.id
                        + "; each of the host's workspaces maps to one tenant.");
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Boolean> delete(UUID id) {
        return tenants.deleteById(id);
    }
}

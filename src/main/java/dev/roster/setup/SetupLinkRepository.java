package dev.roster.setup;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

/**
 * Setup links. Finding one by its secret's hash is the one read that names no tenant (as a secret token's lookup): the
 * link itself chooses the tenant; every other query names it.
 */
@ApplicationScoped
public class SetupLinkRepository implements PanacheRepositoryBase<SetupLinkEntity, UUID> {

    public Uni<SetupLinkEntity> findBySecretHash(byte[] hash) {
        return find("secretHash", (Object) hash).firstResult();
    }

    /** The link, its row locked until the transaction ends: two browsers opening it at once go one at a time. */
    public Uni<SetupLinkEntity> lockBySecretHash(byte[] hash) {
        return find("secretHash", (Object) hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<SetupLinkEntity>> ofTenant(UUID tenantId, int limit) {
        return find("tenantId = ?1 order by createdAt desc", tenantId).range(0, limit - 1).list();
    }

    public Uni<SetupLinkEntity> find(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}

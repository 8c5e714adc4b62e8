package dev.roster.groups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import dev.roster.query.CompiledQuery;
import dev.roster.query.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Groups of one tenant; every query names the tenant and skips soft-deleted rows. */
@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<GroupEntity, UUID> {

    public Uni<GroupEntity> findLive(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id).firstResult();
    }

    /** The live group with its row locked until the transaction ends: see {@code UserRepository#lockLive}. */
    public Uni<GroupEntity> lockLive(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** One keyset page of the admin read API (its where clause names the tenant: query/ReadQueries). */
    public Uni<List<GroupEntity>> keyset(dev.roster.query.KeysetPage page) {
        return find(page.hql(), page.parameters()).range(0, page.fetch() - 1).list();
    }

    /** How many groups match a compiled filter (its where clause names the tenant: query/FilterCompiler). */
    public Uni<Long> count(CompiledQuery query) {
        return count(query.hql(), query.parameters());
    }

    /** One page of groups matching a compiled filter, in the page's order. */
    public Uni<List<GroupEntity>> page(PageQuery page, int first, int rows) {
        return find(page.hql(), page.parameters()).range(first, first + rows - 1).list();
    }

    /** Another live group of the tenant with this displayName, compared case-insensitively (unique index). */
    public Uni<Boolean> displayNameTaken(UUID tenantId, String displayName, UUID exceptId) {
        return count("tenantId = ?1 and lower(displayName) = lower(?2) and deletedAt is null and id <> ?3",
                tenantId, displayName, exceptId == null ? new UUID(0, 0) : exceptId).map(n -> n > 0);
    }

    /** The ids among these that are live groups, share-locked against a concurrent delete (as users are). */
    public Uni<List<UUID>> lockExistingIds(UUID tenantId, Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from scim_group where tenant_id = :tenant and id in (:ids) and deleted_at is null
                        order by id for share""", UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids)
                .getResultList());
    }
}

package dev.roster.users;

import dev.roster.directory.Seats;
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

/** Users of one tenant; every query names the tenant and skips soft-deleted rows. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    public Uni<UserEntity> findLive(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id).firstResult();
    }

    /**
     * The live user with its row locked until the transaction ends ({@code FOR NO KEY UPDATE}): writers of one user go one
     * at a time, so an If-Match check against the locked version admits exactly one winner, and two bodies never mix in
     * the document, the side table or the indexed columns (issue 10, item 2).
     */
    public Uni<UserEntity> lockLive(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A soft-deleted user still retained, its row locked (a restore must not race the purge or a second restore). */
    public Uni<UserEntity> lockRetained(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is not null", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A user of the tenant, live or retained deleted, its row locked (erasure). */
    public Uni<UserEntity> lockAny(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A user of the tenant, live or retained deleted (the admin read API). */
    public Uni<UserEntity> findAny(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** One keyset page of the admin read API (its where clause names the tenant: query/ReadQueries). */
    public Uni<List<UserEntity>> keyset(dev.roster.query.KeysetPage page) {
        return find(page.hql(), page.parameters()).range(0, page.fetch() - 1).list();
    }

    /** How many users match a compiled filter (its where clause names the tenant: query/FilterCompiler). */
    public Uni<Long> count(CompiledQuery query) {
        return count(query.hql(), query.parameters());
    }

    /** One page of users matching a compiled filter, in the page's order. */
    public Uni<List<UserEntity>> page(PageQuery page, int first, int rows) {
        return find(page.hql(), page.parameters()).range(first, first + rows - 1).list();
    }

    /**
     * Up to {@code limit} soft-deleted users whose tenant's retention period has passed, across tenants (the scheduled
     * purge; the only read that spans tenants, joined to each user's own tenant row), locked: a restore waits for the
     * purge or wins, and pods purging at once take different users (SKIP LOCKED).
     */
    public Uni<List<UserEntity>> lockPurgeable(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select u.* from scim_user u join tenant t on t.id = u.tenant_id
                        where u.deleted_at is not null
                          and u.deleted_at < now() - make_interval(days => t.deleted_user_retention_days)
                        order by u.deleted_at limit :limit
                        for update of u skip locked""", UserEntity.class)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Another live user of the tenant with this userName, compared case-insensitively (unique index). */
    public Uni<Boolean> userNameTaken(UUID tenantId, String userName, UUID exceptId) {
        return count("tenantId = ?1 and lower(userName) = lower(?2) and deletedAt is null and id <> ?3",
                tenantId, userName, exceptId == null ? new UUID(0, 0) : exceptId).map(n -> n > 0);
    }

    /**
     * The ids among these that are live users, each row share-locked until the transaction ends: a concurrent delete of
     * one of them waits for this transaction, then removes the memberships it added; or it went first, and the user is
     * not found here (issue 10, item 3).
     */
    public Uni<List<UUID>> lockExistingIds(UUID tenantId, Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from scim_user where tenant_id = :tenant and id in (:ids) and deleted_at is null
                        order by id for share""", UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** Seat counts per tenant in one grouped query (served by scim_user_seats_ix). */
    public Uni<java.util.Map<UUID, Seats>> seats(Collection<UUID> tenantIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                        select u.tenantId,
                               sum(case when u.deletedAt is null and u.active = true then 1 else 0 end),
                               sum(case when u.deletedAt is null and u.active = false then 1 else 0 end),
                               sum(case when u.deletedAt is not null then 1 else 0 end)
                        from UserEntity u where u.tenantId in :tenants group by u.tenantId""", Object[].class)
                .setParameter("tenants", tenantIds)
                .getResultList())
                .map(rows -> {
                    java.util.Map<UUID, Seats> seats = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        seats.put((UUID) row[0], new Seats(((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
                    }
                    return seats;
                });
    }
}

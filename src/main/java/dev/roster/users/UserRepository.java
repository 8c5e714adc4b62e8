package dev.roster.users;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Users of one tenant; every query names the tenant and skips soft-deleted rows. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    public Uni<UserEntity> findLive(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id).firstResult();
    }

    /** Another live user of the tenant with this userName, compared case-insensitively (unique index). */
    public Uni<Boolean> userNameTaken(UUID tenantId, String userName, UUID exceptId) {
        return count("tenantId = ?1 and lower(userName) = lower(?2) and deletedAt is null and id <> ?3",
                tenantId, userName, exceptId == null ? new UUID(0, 0) : exceptId).map(n -> n > 0);
    }

    public Uni<List<UUID>> existingIds(UUID tenantId, Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select u.id from UserEntity u where u.tenantId = :tenant and u.id in :ids and u.deletedAt is null",
                        UUID.class)
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

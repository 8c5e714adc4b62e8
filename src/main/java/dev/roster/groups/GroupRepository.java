package dev.roster.groups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Groups of one tenant; every query names the tenant and skips soft-deleted rows. */
@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<GroupEntity, UUID> {

    public Uni<GroupEntity> findLive(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2 and deletedAt is null", tenantId, id).firstResult();
    }

    /** Another live group of the tenant with this displayName, compared case-insensitively (unique index). */
    public Uni<Boolean> displayNameTaken(UUID tenantId, String displayName, UUID exceptId) {
        return count("tenantId = ?1 and lower(displayName) = lower(?2) and deletedAt is null and id <> ?3",
                tenantId, displayName, exceptId == null ? new UUID(0, 0) : exceptId).map(n -> n > 0);
    }

    public Uni<List<UUID>> existingIds(UUID tenantId, Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select g.id from GroupEntity g where g.tenantId = :tenant and g.id in :ids and g.deletedAt is null",
                        UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids)
                .getResultList());
    }
}

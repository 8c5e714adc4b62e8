package dev.roster.tenant;

import dev.roster.failure.Failure;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Tenants are the one table that is listed across tenants (admin API); nothing else is. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, UUID> {

    /**
     * One page in id (= creation) order after the given id, of every tenant or of the one with this external id; asks
     * for one extra row to tell whether more follow.
     */
    public Uni<List<TenantEntity>> pageAfter(UUID after, int limit, String externalId) {
        return pageAfter(after, limit, externalId, null);
    }

    /**
     * The same, narrowed to tenants whose name contains {@code search} (case-insensitively) or whose external id is
     * {@code search} (the console's search box); null searches nothing.
     */
    public Uni<List<TenantEntity>> pageAfter(UUID after, int limit, String externalId, String search) {
        List<String> where = new java.util.ArrayList<>();
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        if (after != null) {
            where.add("id > :after");
            parameters.and("after", after);
        }
        if (externalId != null) {
            where.add("externalId = :externalId");
            parameters.and("externalId", externalId);
        }
        if (search != null && !search.isBlank()) {
            where.add("(lower(name) like :pattern escape '!' or externalId = :search)");
            String escaped = search.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_");
            parameters.and("pattern", "%" + escaped + "%").and("search", search);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id";
        return find(query, parameters).range(0, limit).list();
    }

    /** Records that the host is being told of a seat refusal, unless it was told within {@code interval}; emits whether. */
    public Uni<Boolean> markSeatLimitNotified(UUID id, java.time.Duration interval) {
        java.time.Instant now = java.time.Instant.now();
        return update("seatLimitNotifiedAt = ?1 where id = ?2 and (seatLimitNotifiedAt is null or seatLimitNotifiedAt < ?3)",
                now, id, now.minus(interval)).map(updated -> updated > 0);
    }

    public Uni<TenantEntity> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResult();
    }

    /** Fails with a 404 problem when the tenant does not exist; for admin operations on a tenant's sub-resources. */
    public Uni<TenantEntity> requireExists(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> Failure.notFound("No tenant " + id + "."));
    }
}

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

    /** One page in id (= creation) order after the given id; asks for one extra row to tell whether more follow. */
    public Uni<List<TenantEntity>> pageAfter(UUID after, int limit) {
        var query = after == null
                ? find("order by id")
                : find("id > ?1 order by id", after);
        return query.range(0, limit).list();
    }

    /** Fails with a 404 problem when the tenant does not exist; for admin operations on a tenant's sub-resources. */
    public Uni<TenantEntity> requireExists(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> Failure.notFound("No tenant " + id + "."));
    }
}

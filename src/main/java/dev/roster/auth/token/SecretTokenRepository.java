package dev.roster.auth.token;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Secret tokens, always read within one tenant. */
@ApplicationScoped
public class SecretTokenRepository implements PanacheRepositoryBase<SecretTokenEntity, UUID> {

    public Uni<List<SecretTokenEntity>> pageAfter(UUID tenantId, UUID after, int limit) {
        var query = after == null
                ? find("tenantId = ?1 order by id", tenantId)
                : find("tenantId = ?1 and id > ?2 order by id", tenantId, after);
        return query.range(0, limit).list();
    }

    public Uni<SecretTokenEntity> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<Long> countInTenant(UUID tenantId) {
        return count("tenantId", tenantId);
    }
}

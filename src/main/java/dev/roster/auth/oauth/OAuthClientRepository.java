package dev.roster.auth.oauth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** OAuth clients, always read within one tenant except at the token endpoint, where the client id picks the tenant. */
@ApplicationScoped
public class OAuthClientRepository implements PanacheRepositoryBase<OAuthClientEntity, UUID> {

    public Uni<List<OAuthClientEntity>> pageAfter(UUID tenantId, UUID after, int limit) {
        var query = after == null
                ? find("tenantId = ?1 order by id", tenantId)
                : find("tenantId = ?1 and id > ?2 order by id", tenantId, after);
        return query.range(0, limit).list();
    }

    public Uni<OAuthClientEntity> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<Long> countInTenant(UUID tenantId) {
        return count("tenantId", tenantId);
    }
}

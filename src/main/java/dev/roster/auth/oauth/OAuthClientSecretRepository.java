package dev.roster.auth.oauth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OAuthClientSecretRepository implements PanacheRepositoryBase<OAuthClientSecretEntity, UUID> {

    public Uni<List<OAuthClientSecretEntity>> ofClient(UUID tenantId, UUID clientId) {
        return list("tenantId = ?1 and clientId = ?2 order by id", tenantId, clientId);
    }

    public Uni<List<OAuthClientSecretEntity>> ofClients(UUID tenantId, Collection<UUID> clientIds) {
        return list("tenantId = ?1 and clientId in ?2 order by id", tenantId, clientIds);
    }

    /** The secrets of a client looked up by client id alone (token endpoint). */
    public Uni<List<OAuthClientSecretEntity>> ofClientId(UUID clientId) {
        return list("clientId = ?1", clientId);
    }

    public Uni<OAuthClientSecretEntity> findInClient(UUID tenantId, UUID clientId, UUID id) {
        return find("tenantId = ?1 and clientId = ?2 and id = ?3", tenantId, clientId, id).firstResult();
    }
}

package dev.roster.auth.oauth;

import dev.roster.auth.credential.CredentialCache;
import dev.roster.auth.credential.Secrets;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantRepository;
import dev.roster.failure.Failure;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * OAuth clients and their secrets (admin side) and client authentication (token endpoint side). A client keeps up to
 * {@value #MAX_SECRETS_PER_CLIENT} secrets so that Entra's configuration can move from one to the next without downtime.
 */
@ApplicationScoped
public class OAuthClientService {

    static final int MAX_CLIENTS_PER_TENANT = 20;
    static final int MAX_SECRETS_PER_CLIENT = 5;

    @Inject
    OAuthClientRepository clients;
    @Inject
    OAuthClientSecretRepository secrets;
    @Inject
    TenantRepository tenants;
    @Inject
    CredentialCache cache;

    /** What the admin API may show of a client. */
    public record ClientSummary(UUID id, String description, Instant createdAt, Instant lastUsedAt) {

        static ClientSummary of(OAuthClientEntity client) {
            return new ClientSummary(client.id, client.description, client.createdAt, client.lastUsedAt);
        }
    }

    /** What the admin API may show of a client secret: never its hash. */
    public record SecretSummary(UUID id, String hint, Instant createdAt, Instant expiresAt) {

        static SecretSummary of(OAuthClientSecretEntity secret) {
            return new SecretSummary(secret.id, secret.hint, secret.createdAt, secret.expiresAt);
        }
    }

    /** A client with its secrets. */
    public record ClientWithSecrets(ClientSummary client, List<SecretSummary> secrets) {

        static ClientWithSecrets of(OAuthClientEntity client, List<OAuthClientSecretEntity> secrets) {
            return new ClientWithSecrets(ClientSummary.of(client), secrets.stream().map(SecretSummary::of).toList());
        }
    }

    /** A new secret and its plaintext, shown once. */
    public record GeneratedSecret(SecretSummary summary, String secret) {
    }

    public record Created(ClientSummary client, GeneratedSecret secret) {
    }

    @WithTransaction
    public Uni<Created> create(UUID tenantId, String description, Instant secretExpiresAt) {
        return tenants.requireExists(tenantId)
                .chain(() -> clients.countInTenant(tenantId))
                .chain(count -> {
                    if (count >= MAX_CLIENTS_PER_TENANT) {
                        throw Failure.conflict("This tenant already has " + MAX_CLIENTS_PER_TENANT
                                + " OAuth clients; delete unused ones first.");
                    }
                    OAuthClientEntity client = new OAuthClientEntity();
                    client.id = Ids.newId();
                    client.tenantId = tenantId;
                    client.description = description;
                    client.createdAt = Instant.now();
                    return clients.persist(client);
                })
                .chain(client -> newSecret(client, secretExpiresAt)
                        .map(secret -> new Created(ClientSummary.of(client), secret)));
    }

    @WithSession
    public Uni<List<ClientWithSecrets>> page(UUID tenantId, UUID after, int fetchSize) {
        return tenants.requireExists(tenantId)
                .chain(() -> clients.pageAfter(tenantId, after, fetchSize))
                .chain(page -> page.isEmpty() ? Uni.createFrom().item(List.<ClientWithSecrets>of())
                        : secrets.ofClients(tenantId, page.stream().map(c -> c.id).toList()).map(all -> {
                            Map<UUID, List<OAuthClientSecretEntity>> byClient = all.stream()
                                    .collect(Collectors.groupingBy(s -> s.clientId));
                            return page.stream()
                                    .map(c -> ClientWithSecrets.of(c, byClient.getOrDefault(c.id, List.of())))
                                    .toList();
                        }));
    }

    @WithSession
    public Uni<ClientWithSecrets> get(UUID tenantId, UUID clientId) {
        return requireClient(tenantId, clientId)
                .chain(client -> secrets.ofClient(tenantId, clientId).map(list -> ClientWithSecrets.of(client, list)));
    }

    /** Deletes the client and its secrets; its access tokens stop working within the credential cache TTL. */
    @WithTransaction
    public Uni<Void> delete(UUID tenantId, UUID clientId) {
        return requireClient(tenantId, clientId)
                .call(client -> clients.delete(client))
                .call(() -> cache.invalidate(CredentialCache.oauthClientKey(clientId)))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<GeneratedSecret> addSecret(UUID tenantId, UUID clientId, Instant expiresAt) {
        return requireClient(tenantId, clientId)
                .chain(client -> secrets.ofClient(tenantId, clientId).chain(existing -> {
                    if (existing.size() >= MAX_SECRETS_PER_CLIENT) {
                        throw Failure.conflict("This client already has " + MAX_SECRETS_PER_CLIENT
                                + " secrets; revoke an old one before adding another.");
                    }
                    return newSecret(client, expiresAt);
                }));
    }

    @WithTransaction
    public Uni<Void> revokeSecret(UUID tenantId, UUID clientId, UUID secretId) {
        return secrets.findInClient(tenantId, clientId, secretId)
                .onItem().ifNull().failWith(() -> Failure.notFound(
                        "No secret " + secretId + " on client " + clientId + " in this tenant."))
                .call(secret -> secrets.delete(secret))
                .replaceWithVoid();
    }

    /**
     * Client authentication at the token endpoint: the client whose active secret matches, or null. Every stored hash is
     * compared in constant time, and an unknown client costs the same comparisons as a known one with a wrong secret.
     */
    @WithSession
    public Uni<OAuthClientEntity> authenticate(UUID clientId, String presentedSecret) {
        byte[] presented = Secrets.sha256(presentedSecret);
        Instant now = Instant.now();
        return secrets.ofClientId(clientId).chain(candidates -> {
            boolean matched = false;
            for (OAuthClientSecretEntity secret : candidates) {
                matched |= Secrets.constantTimeEquals(presented, secret.secretHash) && secret.activeAt(now);
            }
            if (!matched) {
                return Uni.createFrom().nullItem();
            }
            return clients.findById(clientId);
        });
    }

    private Uni<OAuthClientEntity> requireClient(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId)
                .onItem().ifNull().failWith(() -> Failure.notFound(
                        "No OAuth client " + clientId + " in tenant " + tenantId + "."));
    }

    private Uni<GeneratedSecret> newSecret(OAuthClientEntity client, Instant expiresAt) {
        String plaintext = Secrets.generate(Secrets.CLIENT_SECRET_PREFIX);
        OAuthClientSecretEntity secret = new OAuthClientSecretEntity();
        secret.id = Ids.newId();
        secret.tenantId = client.tenantId;
        secret.clientId = client.id;
        secret.secretHash = Secrets.sha256(plaintext);
        secret.hint = Secrets.hint(plaintext);
        secret.createdAt = Instant.now();
        secret.expiresAt = expiresAt;
        return secrets.persist(secret).map(saved -> new GeneratedSecret(SecretSummary.of(saved), plaintext));
    }
}

package dev.roster.auth.token;

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
import java.util.UUID;

/**
 * Generate, list and revoke secret tokens. Tokens belong to the tenant, not to whoever created them, so they outlive the
 * admin who made them; several may be active at once so that a rotation needs no downtime.
 */
@ApplicationScoped
public class SecretTokenService {

    /** Bounded so a runaway script cannot fill the table; rotation needs two. */
    static final int MAX_TOKENS_PER_TENANT = 50;

    @Inject
    SecretTokenRepository tokens;
    @Inject
    TenantRepository tenants;
    @Inject
    CredentialCache cache;

    /** What the admin API may show of a token: never its hash. */
    public record TokenSummary(UUID id, String hint, String description, Instant createdAt, Instant expiresAt,
                               Instant lastUsedAt) {

        static TokenSummary of(SecretTokenEntity token) {
            return new TokenSummary(token.id, token.hint, token.description, token.createdAt, token.expiresAt,
                    token.lastUsedAt);
        }
    }

    /** A freshly generated token, whose plaintext exists only in this value. */
    public record Generated(TokenSummary summary, String token) {
    }

    @WithTransaction
    public Uni<Generated> generate(UUID tenantId, String description, Instant expiresAt) {
        return tenants.requireExists(tenantId)
                .chain(() -> tokens.countInTenant(tenantId))
                .chain(count -> {
                    if (count >= MAX_TOKENS_PER_TENANT) {
                        throw Failure.conflict("This tenant already has " + MAX_TOKENS_PER_TENANT
                                + " tokens; revoke unused ones before generating more.");
                    }
                    String token = Secrets.generate(Secrets.TOKEN_PREFIX);
                    SecretTokenEntity entity = new SecretTokenEntity();
                    entity.id = Ids.newId();
                    entity.tenantId = tenantId;
                    entity.tokenHash = Secrets.sha256(token);
                    entity.hint = Secrets.hint(token);
                    entity.description = description;
                    entity.createdAt = Instant.now();
                    entity.expiresAt = expiresAt;
                    return tokens.persist(entity).map(saved -> new Generated(TokenSummary.of(saved), token));
                });
    }

    @WithSession
    public Uni<List<TokenSummary>> page(UUID tenantId, UUID after, int fetchSize) {
        return tenants.requireExists(tenantId).chain(() -> tokens.pageAfter(tenantId, after, fetchSize))
                .map(page -> page.stream().map(TokenSummary::of).toList());
    }

    /** Revokes at once on this pod; other pods within the credential cache TTL. */
    @WithTransaction
    public Uni<Void> revoke(UUID tenantId, UUID tokenId) {
        return tokens.findInTenant(tenantId, tokenId)
                .onItem().ifNull().failWith(() -> Failure.notFound("No token " + tokenId + " in this tenant."))
                .call(token -> tokens.delete(token))
                .call(token -> cache.invalidate(CredentialCache.tokenKey(token.tokenHash)))
                .replaceWithVoid();
    }
}

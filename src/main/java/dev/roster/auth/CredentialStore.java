package dev.roster.auth;

import dev.roster.auth.credential.ResolvedCredential;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantContext.CredentialKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The per-request credential reads. They use the reactive SQL client directly rather than Hibernate: one indexed,
 * prepared statement per cache miss, no session, no entity state, on the event loop.
 */
@ApplicationScoped
public class CredentialStore {

    @Inject
    Pool pool;

    /** The secret token with this SHA-256, or null. */
    public Uni<ResolvedCredential> findTokenByHash(byte[] hash) {
        return pool.preparedQuery("""
                        select t.tenant_id, t.id, t.expires_at, n.suspended, n.patch_quirks, n.send_activation,
                               n.seat_limit is not null as seat_limited, n.limit_concurrent_requests,
                               n.limit_requests_per_second
                        from secret_token t join tenant n on n.id = t.tenant_id
                        where t.token_hash = $1""")
                .execute(Tuple.of(Buffer.buffer(hash)))
                .map(rows -> first(rows, CredentialKind.SECRET_TOKEN));
    }

    /** The OAuth client with this id, or null; its access tokens carry their own expiry. */
    public Uni<ResolvedCredential> findOAuthClient(UUID clientId) {
        return pool.preparedQuery("""
                        select c.tenant_id, c.id, null::timestamptz as expires_at, n.suspended, n.patch_quirks,
                               n.send_activation, n.seat_limit is not null as seat_limited, n.limit_concurrent_requests,
                               n.limit_requests_per_second
                        from oauth_client c join tenant n on n.id = c.tenant_id
                        where c.id = $1""")
                .execute(Tuple.of(clientId))
                .map(rows -> first(rows, CredentialKind.OAUTH_CLIENT));
    }

    /** A Roster tenant that trusts an Entra tenant's workload-identity tokens for an audience. */
    public record FederatedTenant(UUID tenantId, boolean suspended, boolean patchQuirks, boolean sendActivation,
                                  boolean seatLimited, TenantContext.Limits limits, String audience) {
    }

    public Uni<java.util.List<FederatedTenant>> findFederatedTenants(String entraTenantId) {
        return pool.preparedQuery("""
                        select id, suspended, patch_quirks, send_activation, seat_limit is not null as seat_limited,
                               limit_concurrent_requests, limit_requests_per_second, entra_audience
                        from tenant where entra_tenant_id = $1""")
                .execute(Tuple.of(entraTenantId))
                .map(rows -> {
                    java.util.List<FederatedTenant> tenants = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        tenants.add(new FederatedTenant(row.getUUID("id"), row.getBoolean("suspended"),
                                row.getBoolean("patch_quirks"), row.getBoolean("send_activation"),
                                row.getBoolean("seat_limited"), limits(row), row.getString("entra_audience")));
                    }
                    return tenants;
                });
    }

    public Uni<Void> touchToken(UUID tenantId, UUID tokenId) {
        return pool.preparedQuery("update secret_token set last_used_at = now() where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, tokenId)).replaceWithVoid();
    }

    public Uni<Void> touchOAuthClient(UUID tenantId, UUID clientId) {
        return pool.preparedQuery("update oauth_client set last_used_at = now() where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, clientId)).replaceWithVoid();
    }

    private static TenantContext.Limits limits(Row row) {
        Integer concurrent = row.getInteger("limit_concurrent_requests");
        Integer rate = row.getInteger("limit_requests_per_second");
        return concurrent == null && rate == null ? TenantContext.Limits.DEFAULTS
                : new TenantContext.Limits(concurrent, rate);
    }

    private static ResolvedCredential first(RowSet<Row> rows, CredentialKind kind) {
        var iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return null;
        }
        Row row = iterator.next();
        OffsetDateTime expires = row.getOffsetDateTime("expires_at");
        Instant expiresAt = expires == null ? null : expires.toInstant();
        TenantContext context = new TenantContext(row.getUUID("tenant_id"), row.getUUID("id"), kind,
                row.getBoolean("patch_quirks"), row.getBoolean("send_activation"), row.getBoolean("seat_limited"),
                limits(row));
        return new ResolvedCredential(context, expiresAt, row.getBoolean("suspended"));
    }
}

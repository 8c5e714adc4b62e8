package dev.roster.auth.credential;

import dev.roster.tenant.TenantContext;

import java.time.Instant;

/**
 * A credential as the hot path needs it: whose it is, until when it is valid, and whether its tenant is suspended. Cached
 * for {@code roster.auth.credential-cache-ttl} at most.
 */
public record ResolvedCredential(TenantContext context, Instant expiresAt, boolean tenantSuspended) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

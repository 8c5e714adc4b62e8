package dev.roster.auth.credential;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A short-lived, per-pod cache of resolved credentials (Caffeine, {@code roster.auth.credential-cache-ttl}, default 5 s).
 * Unknown credentials are not cached, so a flood of wrong tokens cannot evict good ones. Revoking on this pod invalidates
 * at once; other pods keep accepting a revoked credential for at most the TTL (README, "Credentials").
 */
@ApplicationScoped
public class CredentialCache {

    @Inject
    @CacheName("credentials")
    Cache cache;

    public static String tokenKey(byte[] hash) {
        return "token:" + Secrets.hex(hash);
    }

    public static String oauthClientKey(UUID clientId) {
        return "oauth-client:" + clientId;
    }

    /** The cached credential, or the loader's; a null from the loader (no such credential) is not cached. */
    public Uni<ResolvedCredential> get(String key, Supplier<Uni<ResolvedCredential>> loader) {
        CaffeineCache caffeine = cache.as(CaffeineCache.class);
        CompletableFuture<ResolvedCredential> cached = caffeine.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().completionStage(cached);
        }
        return loader.get().invoke(found -> {
            if (found != null) {
                caffeine.put(key, CompletableFuture.completedFuture(found));
            }
        });
    }

    public Uni<Void> invalidate(String key) {
        return cache.invalidate(key);
    }

    /**
     * Drops every cached credential of a tenant, so deleting or suspending it bites at once on this pod (issue 10, item
     * 5); other pods follow within the TTL. Walks the cache (at most its maximum size): tenant changes are rare admin
     * calls, and keying the hot path by tenant would cost every request instead.
     */
    public Uni<Void> invalidateTenant(UUID tenantId) {
        CaffeineCache caffeine = cache.as(CaffeineCache.class);
        Set<Object> keys = new HashSet<>();
        for (Object key : caffeine.keySet()) {
            CompletableFuture<ResolvedCredential> cached = caffeine.getIfPresent(key);
            ResolvedCredential credential = cached == null ? null : cached.getNow(null);
            if (credential != null && tenantId.equals(credential.context().tenantId())) {
                keys.add(key);
            }
        }
        return keys.isEmpty() ? Uni.createFrom().voidItem() : cache.invalidateIf(keys::contains);
    }
}

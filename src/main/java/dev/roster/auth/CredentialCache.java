package dev.roster.auth;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;
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

    /** The cached credential, or the loader's; null (uncached) when the loader finds nothing. */
    public Uni<ResolvedCredential> get(String key, Supplier<Uni<ResolvedCredential>> loader) {
        return cache.<String, ResolvedCredential>getAsync(key, k -> loader.get()
                        .onItem().ifNull().failWith(NotFound::new))
                .onFailure(NotFound.class).recoverWithNull();
    }

    public Uni<Void> invalidate(String key) {
        return cache.invalidate(key);
    }

    /** Marks "no such credential" so that it is not cached. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}

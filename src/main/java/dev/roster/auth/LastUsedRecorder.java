package dev.roster.auth;

import dev.roster.config.RosterConfig;
import dev.roster.tenant.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records {@code lastUsedAt} at most once per interval per credential and pod (docs/architecture.md, "The hot path":
 * no write per request). The write is fired and forgotten: a request never waits for it, and its failure is only
 * logged.
 */
@ApplicationScoped
public class LastUsedRecorder {

    private static final Logger LOG = Logger.getLogger(LastUsedRecorder.class);
    private static final int MAX_TRACKED = 100_000;

    @Inject
    CredentialStore store;
    @Inject
    RosterConfig config;

    private final ConcurrentHashMap<UUID, Long> lastWrite = new ConcurrentHashMap<>();

    public void used(TenantContext context) {
        if (context.credentialKind() == TenantContext.CredentialKind.ENTRA_FEDERATION) {
            return; // Entra's own tokens have no row of ours to stamp
        }
        long now = System.nanoTime();
        long interval = config.auth().lastUsedWriteInterval().toNanos();
        Long previous = lastWrite.get(context.credentialId());
        if (previous != null && now - previous < interval) {
            return;
        }
        if (lastWrite.size() > MAX_TRACKED) {
            lastWrite.clear();
        }
        lastWrite.put(context.credentialId(), now);
        Uni<Void> write = switch (context.credentialKind()) {
            case SECRET_TOKEN -> store.touchToken(context.tenantId(), context.credentialId());
            case OAUTH_CLIENT -> store.touchOAuthClient(context.tenantId(), context.credentialId());
            case ENTRA_FEDERATION -> Uni.createFrom().voidItem();
        };
        write.subscribe().with(ignored -> { }, failure -> LOG.warnf("Could not record last use of credential %s: %s",
                context.credentialId(), failure.getMessage()));
    }
}

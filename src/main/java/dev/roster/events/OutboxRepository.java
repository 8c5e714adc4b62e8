package dev.roster.events;

import dev.roster.tenant.TenantRowKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Writes outbox rows in the caller's transaction (the feed is read with plain SQL: EventFeedRepository). */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, TenantRowKey> {

    /**
     * Replaces the payload of every event about one resource with {@code replacement} (erasure: the events stay in the
     * feed, in order, without the person's data); in the caller's transaction. Emits how many events were scrubbed.
     */
    public Uni<Integer> scrubResource(UUID tenantId, UUID resourceId, String replacement) {
        // Cast through text: a string bound straight to a jsonb parameter is stored as a JSON string, not parsed.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update outbox_event set payload = cast(cast(:payload as text) as jsonb)
                        where tenant_id = :tenant and resource_id = :resource""")
                .setParameter("payload", replacement)
                .setParameter("tenant", tenantId)
                .setParameter("resource", resourceId)
                .executeUpdate());
    }
}

package dev.roster.events;

import dev.roster.tenant.TenantRowKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes outbox rows in the caller's transaction (the feed is read with plain SQL: EventFeedRepository). */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, TenantRowKey> {
}

package dev.roster.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.tenant.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.roster.config.RosterConfig;

import java.time.Instant;
import java.util.List;

/**
 * Records changes in the transactional outbox, in the caller's transaction (issue 11, item 1): the change and its event
 * commit together or not at all. Writers call it from inside {@code store.Transactions.write}; nothing here leaves the
 * transaction or waits on anything but the insert.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository events;
    @Inject
    RosterConfig config;

    /** Records one event; emits when the row is written (flushed with the transaction). */
    public Uni<Void> record(ChangeEvent event) {
        return config.events().enabled() ? events.persist(entity(event)).replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /**
     * The row that records {@code event}, for a writer that inserts it in its own statement (the users' hot path:
     * users/UserStore); null when there is no event or events are off.
     */
    public OutboxEventEntity row(ChangeEvent event) {
        return event != null && config.events().enabled() ? entity(event) : null;
    }

    /** Records events in order (a group PATCH may both rename the group and change its members). */
    public Uni<Void> record(List<ChangeEvent> events) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ChangeEvent event : events) {
            all = all.chain(() -> record(event));
        }
        return all;
    }

    /**
     * Erasure: every stored event about {@code resourceId} keeps its place in the feed but loses its document, which
     * becomes {@code {"id": ..., "erased": true}}; in the caller's transaction. Emits how many events were scrubbed.
     */
    public Uni<Integer> eraseResource(java.util.UUID tenantId, java.util.UUID resourceId) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("resource").put("id", resourceId.toString()).put("erased", true);
        payload.putArray("changed");
        payload.putObject("labels");
        return events.scrubResource(tenantId, resourceId, payload.toString());
    }

    static OutboxEventEntity entity(ChangeEvent event) {
        OutboxEventEntity row = new OutboxEventEntity();
        row.tenantId = event.tenantId();
        row.id = Ids.newId();
        row.type = event.type().wireName();
        row.resourceType = event.resourceType();
        row.resourceId = event.resourceId();
        row.occurredAt = Instant.now();
        if (event.actor() != null) {
            row.actorCredentialId = event.actor().credentialId();
            row.actorKind = event.actor().kind();
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("resource", event.resource());
        event.changed().forEach(payload.putArray("changed")::add);
        if (event.labels() != null) {
            payload.set("labels", event.labels());
        } else {
            payload.putObject("labels");
        }
        if (event.sendActivation() != null) {
            payload.put("sendActivation", event.sendActivation());
        }
        row.payload = payload;
        return row;
    }
}

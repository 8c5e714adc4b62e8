package dev.roster.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Reading a tenant's events for people (the console): what happened to one user or group lately. */
@ApplicationScoped
public class EventLog {

    /** How far back a resource's events are looked for: the tenant's most recent events. */
    public static final int WINDOW = 500;

    @Inject
    EventFeedRepository feed;

    /** The events about {@code resourceId} among the tenant's {@value #WINDOW} most recent, newest first. */
    public Uni<List<ObjectNode>> recentOfResource(UUID tenantId, UUID resourceId, int limit) {
        return feed.recentOfResource(tenantId, resourceId, WINDOW, limit);
    }
}

package dev.roster.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.events.EventFeedRepository;
import dev.roster.failure.Failure;
import dev.roster.tenant.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/**
 * The pull feed of one tenant (issue 11, item 4), in commit order ({@link AllEventsResource}: every tenant's). Each item's {@code cursor} is
 * its position; {@code ?after=<cursor>} resumes after it, and {@code nextCursor} is where to resume next (the last item's
 * cursor, or the one given when nothing new has committed), so a consumer can poll with it forever.
 */
@Path("/admin/v1/tenants/{tenantId}/events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class EventFeedResource {

    @Inject
    EventFeedRepository feed;
    @Inject
    TenantService tenants;

    @GET
    public Uni<ObjectNode> tenantEvents(@PathParam("tenantId") String tenantId, @QueryParam("after") String after,
                                        @QueryParam("limit") String limit) {
        UUID id = AdminIds.tenant(tenantId);
        long from = position(after);
        int size = PageRequest.parseLimit(limit);
        return tenants.find(id).chain(tenant -> {
            if (tenant == null) {
                throw Failure.notFound("No tenant " + id + ".");
            }
            return feed.tenantFeed(id, from, size).map(items -> page(items, after));
        });
    }

    static ObjectNode page(List<ObjectNode> items, String after) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        items.forEach(page.putArray("items")::add);
        String next = items.isEmpty() ? after : items.get(items.size() - 1).get("cursor").asText();
        if (next == null) {
            page.putNull("nextCursor");
        } else {
            page.put("nextCursor", next);
        }
        return page;
    }

    /** A feed cursor is a position: a non-negative integer as text. */
    static long position(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(after.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw Failure.invalid("'after' must be a cursor from this feed (an item's \"cursor\" or a \"nextCursor\").");
    }
}

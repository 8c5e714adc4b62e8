package dev.roster.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.events.EventFeedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /admin/v1/events}: every tenant's events in commit order, each naming its tenant, so one consumer can follow
 * every workspace (issue 11, item 4). Cursors and pages as in {@link EventFeedResource}.
 */
@Path("/admin/v1/events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AllEventsResource {

    @Inject
    EventFeedRepository feed;

    @GET
    public Uni<ObjectNode> allEvents(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        return feed.allTenantsFeed(EventFeedResource.position(after), PageRequest.parseLimit(limit))
                .map(items -> EventFeedResource.page(items, after));
    }
}

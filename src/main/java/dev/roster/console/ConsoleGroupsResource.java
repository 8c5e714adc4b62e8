package dev.roster.console;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A tenant's groups in the console: searched with a SCIM filter, and one with its document and events. */
@Path("/console/tenants/{tenantId}/groups")
@Produces(MediaType.TEXT_HTML)
public class ConsoleGroupsResource {

    @Inject
    ConsoleDirectory directory;

    @GET
    public Uni<Response> list(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenantId") String tenantId,
                              @QueryParam("filter") String filter, @QueryParam("after") String after) {
        return directory.list(cookie, tenantId, "groups", filter, after);
    }

    @GET
    @Path("{id}")
    public Uni<Response> one(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenantId") String tenantId,
                             @PathParam("id") String id) {
        return directory.one(cookie, tenantId, "groups", id);
    }
}

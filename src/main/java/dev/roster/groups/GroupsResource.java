package dev.roster.groups;

import dev.roster.auth.Roles;
import dev.roster.web.ScimEndpoints;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code /Groups} (RFC 7644 §3) in both URL forms: the Tenant URL {@code /scim/v2/{tenantId}/Groups} and the single URL
 * {@code /scim/v2/Groups}; the Tenant URL form is routed here too ({@link dev.roster.web.HttpEntryFilters}), and
 * {@code meta.location} echoes the form. The work is in {@link GroupEndpoints}.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class GroupsResource {

    @Inject
    GroupEndpoints groups;

    @GET
    @Path("Groups")
    public Uni<Response> list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                              @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                              @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                              @QueryParam("excludedAttributes") String excluded,
                              @Context HttpServerRequest request) {
        return groups.list(filter, startIndex, count, sortBy, sortOrder, attributes, excluded,
                ScimEndpoints.cursorParameter(request));
    }

    @POST
    @Path("Groups/.search")
    public Uni<Response> search(String body) {
        return groups.search(body);
    }

    @POST
    @Path("Groups")
    public Uni<Response> create(String body) {
        return groups.create(body);
    }

    @GET
    @Path("Groups/{id}")
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                             @QueryParam("excludedAttributes") String excluded,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        return groups.get(id, attributes, excluded, ifNoneMatch);
    }

    @PUT
    @Path("Groups/{id}")
    public Uni<Response> replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return groups.replace(id, ifMatch, body);
    }

    @PATCH
    @Path("Groups/{id}")
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return groups.patch(id, ifMatch, body);
    }

    @DELETE
    @Path("Groups/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return groups.delete(id, ifMatch);
    }
}

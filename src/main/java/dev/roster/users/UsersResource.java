package dev.roster.users;

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
 * {@code /Users} (RFC 7644 §3) in both URL forms: the Tenant URL {@code /scim/v2/{tenantId}/Users} and the single URL
 * {@code /scim/v2/Users}; the Tenant URL form is routed here too ({@link dev.roster.web.HttpEntryFilters}), and
 * {@code meta.location} echoes the form. The work is in {@link UserEndpoints}.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class UsersResource {

    @Inject
    UserEndpoints users;

    @GET
    @Path("Users")
    public Uni<Response> list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                              @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                              @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                              @QueryParam("excludedAttributes") String excluded,
                              @Context HttpServerRequest request) {
        return users.list(filter, startIndex, count, sortBy, sortOrder, attributes, excluded,
                ScimEndpoints.cursorParameter(request));
    }

    @POST
    @Path("Users/.search")
    public Uni<Response> search(String body) {
        return users.search(body);
    }

    @POST
    @Path("Users")
    public Uni<Response> create(String body) {
        return users.create(body);
    }

    @GET
    @Path("Users/{id}")
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                             @QueryParam("excludedAttributes") String excluded,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        return users.get(id, attributes, excluded, ifNoneMatch);
    }

    @PUT
    @Path("Users/{id}")
    public Uni<Response> replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return users.replace(id, ifMatch, body);
    }

    @PATCH
    @Path("Users/{id}")
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return users.patch(id, ifMatch, body);
    }

    @DELETE
    @Path("Users/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return users.delete(id, ifMatch);
    }
}

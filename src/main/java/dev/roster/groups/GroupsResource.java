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
 * {@code /scim/v2/Groups}. Each pair of methods differs only in the form, which {@code meta.location} echoes; the work is
 * in {@link GroupEndpoints}.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class GroupsResource {

    private static final String T = ScimEndpoints.TENANT_SEGMENT + "/";

    @Inject
    GroupEndpoints groups;

    @GET
    @Path(T + "Groups")
    public Uni<Response> listT(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                               @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                               @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                               @QueryParam("excludedAttributes") String excluded,
                               @Context HttpServerRequest request) {
        return groups.list(true, filter, startIndex, count, sortBy, sortOrder, attributes, excluded,
                ScimEndpoints.cursorParameter(request));
    }

    @GET
    @Path("Groups")
    public Uni<Response> list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                              @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                              @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                              @QueryParam("excludedAttributes") String excluded,
                              @Context HttpServerRequest request) {
        return groups.list(false, filter, startIndex, count, sortBy, sortOrder, attributes, excluded,
                ScimEndpoints.cursorParameter(request));
    }

    @POST
    @Path(T + "Groups/.search")
    public Uni<Response> searchT(String body) {
        return groups.search(true, body);
    }

    @POST
    @Path("Groups/.search")
    public Uni<Response> search(String body) {
        return groups.search(false, body);
    }

    @POST
    @Path(T + "Groups")
    public Uni<Response> createT(String body) {
        return groups.create(true, body);
    }

    @POST
    @Path("Groups")
    public Uni<Response> create(String body) {
        return groups.create(false, body);
    }

    @GET
    @Path(T + "Groups/{id}")
    public Uni<Response> getT(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                              @QueryParam("excludedAttributes") String excluded,
                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        return groups.get(true, id, attributes, excluded, ifNoneMatch);
    }

    @GET
    @Path("Groups/{id}")
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                             @QueryParam("excludedAttributes") String excluded,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        return groups.get(false, id, attributes, excluded, ifNoneMatch);
    }

    @PUT
    @Path(T + "Groups/{id}")
    public Uni<Response> replaceT(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return groups.replace(true, id, ifMatch, body);
    }

    @PUT
    @Path("Groups/{id}")
    public Uni<Response> replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return groups.replace(false, id, ifMatch, body);
    }

    @PATCH
    @Path(T + "Groups/{id}")
    public Uni<Response> patchT(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return groups.patch(true, id, ifMatch, body);
    }

    @PATCH
    @Path("Groups/{id}")
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return groups.patch(false, id, ifMatch, body);
    }

    @DELETE
    @Path(T + "Groups/{id}")
    public Uni<Response> deleteT(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return groups.delete(id, ifMatch);
    }

    @DELETE
    @Path("Groups/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return groups.delete(id, ifMatch);
    }
}

package dev.roster.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.auth.Roles;
import dev.roster.auth.ScimCaller;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.scim.wire.ETags;
import dev.roster.scim.wire.ListResponse;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.patch.PatchEngine;
import dev.roster.scim.patch.dialect.installed.InstalledDialects;
import dev.roster.scim.wire.ScimListRequest;
import dev.roster.tenant.TenantContext;
import dev.roster.web.ScimBodies;
import dev.roster.web.ScimEndpoints;
import dev.roster.web.ScimResponses;
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

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * {@code /Users} (RFC 7644 §3) in both URL forms: the Tenant URL {@code /scim/v2/{tenantId}/Users} and the single URL
 * {@code /scim/v2/Users}; the Tenant URL form is routed here too ({@link dev.roster.web.HttpEntryFilters}), and
 * {@code meta.location} echoes the form. Each method resolves the caller's tenant and schemas, parses parameters and
 * bodies, calls {@link UserService} and renders the SCIM answer (status, Location, ETag); no business rules live here.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class UsersResource {

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    ScimBodies bodies;
    @Inject
    UserService service;

    @GET
    @Path("Users")
    public Uni<Response> list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                              @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                              @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                              @QueryParam("excludedAttributes") String excluded,
                              @Context HttpServerRequest request) {
        return search(ScimListRequest.fromQuery(filter, startIndex, count, sortBy, sortOrder, attributes, excluded,
                ScimEndpoints.cursorParameter(request)));
    }

    @POST
    @Path("Users/.search")
    public Uni<Response> search(String body) {
        return search(ScimListRequest.fromSearchBody(bodies.parse(body)));
    }

    @POST
    @Path("Users")
    public Uni<Response> create(String body) {
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.create(tenant, type, json).map(user -> {
            String base = endpoints.base(tenant);
            return ScimResponses.resource(201, UserResponses.render(user, List.of(), base, AttributeProjection.all()),
                    UserResponses.meta(user, base));
        }));
    }

    @GET
    @Path("Users/{id}")
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                             @QueryParam("excludedAttributes") String excluded,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        UUID userId = userId(id);
        ScimListRequest params = ScimListRequest.fromQuery(null, null, null, null, null, attributes, excluded);
        return withType((tenant, type) -> {
            AttributeProjection projection = AttributeProjection.of(type, params.attributes(),
                    params.excludedAttributes());
            return service.get(tenant.tenantId(), userId, projection.includes("groups")).map(found -> {
                String base = endpoints.base(tenant);
                Meta meta = UserResponses.meta(found.user(), base);
                if (ETags.listed(ifNoneMatch, meta.etag())) {
                    return ScimResponses.notModified(meta);
                }
                return ScimResponses.resource(200, UserResponses.render(found.user(), found.groups(), base, projection),
                        meta);
            });
        });
    }

    @PUT
    @Path("Users/{id}")
    public Uni<Response> replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        UUID userId = userId(id);
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.replace(tenant, type, userId, json, ifMatch)
                .map(written -> rendered(tenant, written)));
    }

    /** Users answer a PATCH with 200 and the resource (README, "SCIM"). */
    @PATCH
    @Path("Users/{id}")
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        UUID userId = userId(id);
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> {
            var operations = InstalledDialects.parse(type, json, tenant.patchQuirks()).operations();
            PatchEngine.precheck(type, operations); // a malformed PATCH is a 400 even when the id names nothing
            return service.patch(tenant, type, userId, operations, ifMatch)
                    .map(written -> rendered(tenant, written));
        });
    }

    @DELETE
    @Path("Users/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.tenant(), userId(id), ifMatch)
                .map(ignored -> Response.noContent().build());
    }

    private Uni<Response> search(ScimListRequest request) {
        return withType((tenant, type) -> {
            AttributeProjection projection = AttributeProjection.of(type, request.attributes(),
                    request.excludedAttributes());
            String base = endpoints.base(tenant);
            return service.search(tenant.tenantId(), type, request, projection.includes("groups"))
                    .map(result -> ScimResponses.ok(ListResponse.forRequest(request, result.total(), result.nextCursor(),
                            result.users().stream().map(u -> (JsonNode) UserResponses.render(u.user(), u.groups(),
                                    base, projection)).toList())));
        });
    }

    /** A written user, answered as a GET would show it (its groups were read in the write's transaction). */
    private Response rendered(TenantContext tenant, UserService.UserWithGroups written) {
        String base = endpoints.base(tenant);
        return ScimResponses.resource(200, UserResponses.render(written.user(), written.groups(), base,
                AttributeProjection.all()), UserResponses.meta(written.user(), base));
    }

    private Uni<Response> withType(BiFunction<TenantContext, ResourceType, Uni<Response>> work) {
        return caller.withSchemas((tenant, registry) -> work.apply(tenant, registry.user()));
    }

    private static UUID userId(String id) {
        return ScimCaller.resourceId(id, "User");
    }
}

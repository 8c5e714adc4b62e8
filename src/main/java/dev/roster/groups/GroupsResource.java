package dev.roster.groups;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * {@code /Groups} (RFC 7644 §3) in both URL forms: the Tenant URL {@code /scim/v2/{tenantId}/Groups} and the single URL
 * {@code /scim/v2/Groups}; the Tenant URL form is routed here too ({@link dev.roster.web.HttpEntryFilters}), and
 * {@code meta.location} echoes the form. Members are loaded only when the answer shows them: Entra always asks with
 * excludedAttributes=members, and a PATCH answers 204 without a member list (docs/entra.md, R-33..R-35).
 * The rules live in {@link GroupService}.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class GroupsResource {

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    ScimBodies bodies;
    @Inject
    GroupService service;

    @GET
    @Path("Groups")
    public Uni<Response> list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
                              @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
                              @QueryParam("sortOrder") String sortOrder, @QueryParam("attributes") String attributes,
                              @QueryParam("excludedAttributes") String excluded,
                              @Context HttpServerRequest request) {
        return search(ScimListRequest.fromQuery(filter, startIndex, count, sortBy, sortOrder, attributes, excluded,
                ScimEndpoints.cursorParameter(request)));
    }

    @POST
    @Path("Groups/.search")
    public Uni<Response> search(String body) {
        return search(ScimListRequest.fromSearchBody(bodies.parse(body)));
    }

    /** 201 with the group and its members (Entra's R-31 expects {@code members: []} for a group created empty). */
    @POST
    @Path("Groups")
    public Uni<Response> create(String body) {
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.create(tenant, type, json)
                .chain(group -> rendered(tenant, group.id, 201)));
    }

    @GET
    @Path("Groups/{id}")
    public Uni<Response> get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                             @QueryParam("excludedAttributes") String excluded,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        UUID groupId = groupId(id);
        ScimListRequest params = ScimListRequest.fromQuery(null, null, null, null, null, attributes, excluded);
        return withType((tenant, type) -> {
            AttributeProjection projection = AttributeProjection.of(type, params.attributes(),
                    params.excludedAttributes());
            return service.get(tenant.tenantId(), groupId, projection.includes("members")).map(found -> {
                String base = endpoints.base(tenant);
                Meta meta = GroupResponses.meta(found.group(), base);
                if (ETags.listed(ifNoneMatch, meta.etag())) {
                    return ScimResponses.notModified(meta);
                }
                return ScimResponses.resource(200, GroupResponses.render(found.group(), found.members(), base,
                        projection), meta);
            });
        });
    }

    @PUT
    @Path("Groups/{id}")
    public Uni<Response> replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        UUID groupId = groupId(id);
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.replace(tenant, type, groupId, json, ifMatch)
                .chain(group -> rendered(tenant, groupId, 200)));
    }

    /** Groups answer a PATCH with 204 and no member list (docs/entra.md, R-33). */
    @PATCH
    @Path("Groups/{id}")
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        UUID groupId = groupId(id);
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> {
            var operations = InstalledDialects.parse(type, json, tenant.patchQuirks()).operations();
            PatchEngine.precheck(type, operations); // a malformed PATCH is a 400 even when the id names nothing
            return service.patch(tenant, type, groupId, operations, ifMatch)
                    .map(group -> Response.noContent().header(HttpHeaders.ETAG, Meta.etagOf(group.version)).build());
        });
    }

    @DELETE
    @Path("Groups/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.tenant(), groupId(id), ifMatch)
                .map(ignored -> Response.noContent().build());
    }

    private Uni<Response> search(ScimListRequest request) {
        return withType((tenant, type) -> {
            AttributeProjection projection = AttributeProjection.of(type, request.attributes(),
                    request.excludedAttributes());
            String base = endpoints.base(tenant);
            return service.search(tenant.tenantId(), type, request, projection.includes("members"))
                    .map(result -> ScimResponses.ok(ListResponse.forRequest(request, result.total(), result.nextCursor(),
                            result.groups().stream().map(g -> (JsonNode) GroupResponses.render(g.group(), g.members(),
                                    base, projection)).toList())));
        });
    }

    private Uni<Response> rendered(TenantContext tenant, UUID groupId, int status) {
        return service.get(tenant.tenantId(), groupId, true).map(found -> {
            String base = endpoints.base(tenant);
            return ScimResponses.resource(status, GroupResponses.render(found.group(), found.members(), base,
                    AttributeProjection.all()), GroupResponses.meta(found.group(), base));
        });
    }

    private Uni<Response> withType(BiFunction<TenantContext, ResourceType, Uni<Response>> work) {
        return caller.withSchemas((tenant, registry) -> work.apply(tenant, registry.group()));
    }

    private static UUID groupId(String id) {
        return ScimCaller.resourceId(id, "Group");
    }
}

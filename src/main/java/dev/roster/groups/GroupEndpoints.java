package dev.roster.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.wire.PatchRequest;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.scim.wire.ListResponse;
import dev.roster.scim.wire.Meta;
import dev.roster.tenant.TenantContext;
import dev.roster.web.ETags;
import dev.roster.web.ScimBodies;
import dev.roster.web.ScimCaller;
import dev.roster.web.ScimEndpoints;
import dev.roster.scim.wire.ScimListRequest;
import dev.roster.web.ScimResponses;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The HTTP side of {@code /Groups}. Members are loaded only when the answer shows them: Entra always asks with
 * excludedAttributes=members, and a PATCH answers 204 without a member list (contracts.md, R-33..R-35).
 */
@ApplicationScoped
public class GroupEndpoints {

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    ScimBodies bodies;
    @Inject
    GroupService service;

    Uni<Response> list(String filter, String startIndex, String count, String sortBy,
                       String sortOrder, String attributes, String excluded, String cursor) {
        return search(ScimListRequest.fromQuery(filter, startIndex, count, sortBy, sortOrder, attributes,
                excluded, cursor));
    }

    Uni<Response> search(String body) {
        return search(ScimListRequest.fromSearchBody(bodies.parse(body)));
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

    /** 201 with the group and its members (Entra's R-31 expects {@code members: []} for a group created empty). */
    Uni<Response> create(String body) {
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.create(tenant.tenantId(), type, json)
                .chain(group -> rendered(tenant, group.id, 201)));
    }

    Uni<Response> get(String id, String attributes, String excluded, String ifNoneMatch) {
        UUID groupId = ScimCaller.resourceId(id, "Group");
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

    Uni<Response> replace(String id, String ifMatch, String body) {
        UUID groupId = ScimCaller.resourceId(id, "Group");
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.replace(tenant.tenantId(), type, groupId, json, ifMatch)
                .chain(group -> rendered(tenant, groupId, 200)));
    }

    Uni<Response> patch(String id, String ifMatch, String body) {
        UUID groupId = ScimCaller.resourceId(id, "Group");
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.patch(tenant.tenantId(), type, groupId,
                        PatchRequest.parseWithDialect(type, json).operations(), ifMatch)
                .map(group -> Response.noContent().header(HttpHeaders.ETAG, Meta.etagOf(group.version)).build()));
    }

    Uni<Response> delete(String id, String ifMatch) {
        UUID groupId = ScimCaller.resourceId(id, "Group");
        return service.delete(caller.tenant().tenantId(), groupId, ifMatch).map(ignored -> Response.noContent().build());
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
}

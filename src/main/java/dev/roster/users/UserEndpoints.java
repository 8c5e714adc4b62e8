package dev.roster.users;

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
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The HTTP side of {@code /Users}: resolves the caller's tenant and schemas, parses parameters and bodies, calls
 * {@link UserService} and renders SCIM answers (status, Location, ETag). No business rules live here.
 */
@ApplicationScoped
public class UserEndpoints {

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    ScimBodies bodies;
    @Inject
    UserService service;

    Uni<Response> list(String filter, String startIndex, String count, String sortBy,
                       String sortOrder, String attributes, String excluded, String cursor) {
        ScimListRequest request = ScimListRequest.fromQuery(filter, startIndex, count, sortBy, sortOrder, attributes,
                excluded, cursor);
        return search(request);
    }

    Uni<Response> search(String body) {
        return search(ScimListRequest.fromSearchBody(bodies.parse(body)));
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

    Uni<Response> create(String body) {
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.create(tenant.tenantId(), type, json).map(user -> {
            String base = endpoints.base(tenant);
            return ScimResponses.resource(201, UserResponses.render(user, List.of(), base, AttributeProjection.all()),
                    UserResponses.meta(user, base));
        }));
    }

    Uni<Response> get(String id, String attributes, String excluded, String ifNoneMatch) {
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

    Uni<Response> replace(String id, String ifMatch, String body) {
        UUID userId = userId(id);
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.replace(tenant.tenantId(), type, userId, json, ifMatch)
                .map(written -> rendered(tenant, written)));
    }

    /** Users answer a PATCH with 200 and the resource (contracts.md). */
    Uni<Response> patch(String id, String ifMatch, String body) {
        UUID userId = userId(id);
        JsonNode json = bodies.parse(body);
        return withType((tenant, type) -> service.patch(tenant.tenantId(), type, userId,
                        PatchRequest.parseWithDialect(type, json).operations(), ifMatch)
                .map(written -> rendered(tenant, written)));
    }

    Uni<Response> delete(String id, String ifMatch) {
        UUID userId = userId(id);
        TenantContext tenant = caller.tenant();
        return service.delete(tenant.tenantId(), userId, ifMatch).map(ignored -> Response.noContent().build());
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

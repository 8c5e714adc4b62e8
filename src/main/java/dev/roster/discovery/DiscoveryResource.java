package dev.roster.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.auth.Roles;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.SchemaJson;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.scim.wire.ListResponse;
import dev.roster.auth.ScimCaller;
import dev.roster.web.ScimEndpoints;
import dev.roster.web.ScimResponses;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.BiFunction;

/**
 * SCIM discovery endpoints (RFC 7644 §4) in both URL forms: {@code /scim/v2/{tenantId}/...} and {@code /scim/v2/...}. They
 * require a credential like every SCIM endpoint: Entra's Test Connection sends one, and a tenant's custom schemas are
 * private to it.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class DiscoveryResource {

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    dev.roster.tenant.TenantService tenants;
    @Inject
    dev.roster.config.RosterConfig config;

    @GET
    @Path("ServiceProviderConfig")
    public Uni<Response> serviceProviderConfig() {
        var tenant = caller.tenant();
        // Read per request: discovery is rare (Entra's "Test connection", a client's start), settings change any time.
        return tenants.find(tenant.tenantId()).map(row -> {
            boolean advertise = row != null && row.advertisePagination != null ? row.advertisePagination
                    : config.scim().advertisePagination();
            return ScimResponses.ok(ServiceProviderConfigDocument.build(endpoints.base(tenant), advertise));
        });
    }

    @GET
    @Path("Schemas")
    public Uni<Response> schemas() {
        return withRegistry((registry, base) -> ScimResponses.ok(list(
                registry.schemas().stream().map(schema -> (JsonNode) SchemaJson.schema(schema, base)).toList())));
    }

    @GET
    @Path("Schemas/{schemaId}")
    public Uni<Response> schema(@PathParam("schemaId") String schemaId) {
        return withRegistry((registry, base) -> ScimResponses.ok(SchemaJson.schema(registry.schema(schemaId)
                .orElseThrow(() -> ScimException.notFound("No schema " + schemaId + "; GET /Schemas lists them.")), base)));
    }

    @GET
    @Path("ResourceTypes")
    public Uni<Response> resourceTypes() {
        return withRegistry((registry, base) -> ScimResponses.ok(list(registry.resourceTypes().stream()
                .map(type -> (JsonNode) SchemaJson.resourceType(type, base)).toList())));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Uni<Response> resourceType(@PathParam("name") String name) {
        return withRegistry((registry, base) -> ScimResponses.ok(SchemaJson.resourceType(
                registry.resourceType(name).orElseThrow(() -> ScimException.notFound(
                        "No resource type " + name + "; GET /ResourceTypes lists them.")), base)));
    }

    private Uni<Response> withRegistry(BiFunction<SchemaRegistry, String, Response> answer) {
        return caller.withSchemas((tenant, registry) ->
                Uni.createFrom().item(answer.apply(registry, endpoints.base(tenant))));
    }

    private static JsonNode list(List<JsonNode> resources) {
        return ListResponse.of(resources.size(), 1, resources);
    }
}

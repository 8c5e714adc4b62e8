package dev.roster.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.auth.CurrentTenant;
import dev.roster.auth.Roles;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.SchemaJson;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.scim.wire.ListResponse;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantSchemas;
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

    private static final String TENANT = ScimEndpoints.TENANT_SEGMENT;

    @Inject
    CurrentTenant currentTenant;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    TenantSchemas tenantSchemas;

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return ScimResponses.ok(ServiceProviderConfigDocument.build(endpoints.base(currentTenant.require(), false)));
    }

    @GET
    @Path(TENANT + "/ServiceProviderConfig")
    public Response tenantServiceProviderConfig() {
        return ScimResponses.ok(ServiceProviderConfigDocument.build(endpoints.base(currentTenant.require(), true)));
    }

    @GET
    @Path("Schemas")
    public Uni<Response> schemas() {
        return schemas(false);
    }

    @GET
    @Path(TENANT + "/Schemas")
    public Uni<Response> tenantSchemas() {
        return schemas(true);
    }

    @GET
    @Path("Schemas/{schemaId}")
    public Uni<Response> schema(@PathParam("schemaId") String schemaId) {
        return schema(schemaId, false);
    }

    @GET
    @Path(TENANT + "/Schemas/{schemaId}")
    public Uni<Response> tenantSchema(@PathParam("schemaId") String schemaId) {
        return schema(schemaId, true);
    }

    @GET
    @Path("ResourceTypes")
    public Uni<Response> resourceTypes() {
        return resourceTypes(false);
    }

    @GET
    @Path(TENANT + "/ResourceTypes")
    public Uni<Response> tenantResourceTypes() {
        return resourceTypes(true);
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Uni<Response> resourceType(@PathParam("name") String name) {
        return resourceType(name, false);
    }

    @GET
    @Path(TENANT + "/ResourceTypes/{name}")
    public Uni<Response> tenantResourceType(@PathParam("name") String name) {
        return resourceType(name, true);
    }

    private Uni<Response> schemas(boolean tenantUrl) {
        return withRegistry(tenantUrl, (registry, base) -> ScimResponses.ok(list(
                registry.schemas().stream().map(schema -> (JsonNode) SchemaJson.schema(schema, base)).toList())));
    }

    private Uni<Response> schema(String schemaId, boolean tenantUrl) {
        return withRegistry(tenantUrl, (registry, base) -> ScimResponses.ok(SchemaJson.schema(registry.schema(schemaId)
                .orElseThrow(() -> ScimException.notFound("No schema " + schemaId + "; GET /Schemas lists them.")), base)));
    }

    private Uni<Response> resourceTypes(boolean tenantUrl) {
        return withRegistry(tenantUrl, (registry, base) -> ScimResponses.ok(list(registry.resourceTypes().stream()
                .map(type -> (JsonNode) SchemaJson.resourceType(type, base)).toList())));
    }

    private Uni<Response> resourceType(String name, boolean tenantUrl) {
        return withRegistry(tenantUrl, (registry, base) -> ScimResponses.ok(SchemaJson.resourceType(
                registry.resourceType(name).orElseThrow(() -> ScimException.notFound(
                        "No resource type " + name + "; GET /ResourceTypes lists them.")), base)));
    }

    private Uni<Response> withRegistry(boolean tenantUrl, BiFunction<SchemaRegistry, String, Response> answer) {
        TenantContext tenant = currentTenant.require();
        String base = endpoints.base(tenant, tenantUrl);
        return tenantSchemas.registry(tenant.tenantId()).map(registry -> answer.apply(registry, base));
    }

    private static JsonNode list(List<JsonNode> resources) {
        return ListResponse.of(resources.size(), 1, resources);
    }
}

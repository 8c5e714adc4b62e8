package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.config.RosterConfig;
import dev.roster.scim.schema.ExtensionSchemaReader;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaDefinitionException;
import dev.roster.scim.schema.SchemaJson;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.tenant.TenantSchemaEntity;
import dev.roster.tenant.TenantSchemaService;
import dev.roster.failure.Failure;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/**
 * {@code /admin/v1/tenants/{id}/schemas}: a tenant's custom extension schemas (RFC 7643 §7 shape plus
 * {@code "resourceType": "User" | "Group"}, default User). They appear in the tenant's /Schemas and /ResourceTypes, and
 * their attributes become filterable and type-checked.
 */
@Path("/admin/v1/tenants/{tenantId}/schemas")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SchemaAdminResource {

    @Inject
    TenantSchemaService schemas;
    @Inject
    RosterConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(@PathParam("tenantId") String tenantId, JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        ObjectNode definition = (ObjectNode) JsonFields.requireObject(body).deepCopy();
        String resourceType = resourceType(definition.remove("resourceType"));
        Schema schema;
        try {
            schema = ExtensionSchemaReader.read(definition);
        } catch (SchemaDefinitionException e) {
            throw Failure.invalid(e.getMessage());
        }
        return schemas.add(tenant, resourceType, schema, definition).map(saved -> Response
                .created(URI.create("/admin/v1/tenants/" + tenant + "/schemas/" + saved.schemaId))
                .entity(view(saved, schema).toString()).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    public Uni<Response> list(@PathParam("tenantId") String tenantId) {
        return schemas.list(AdminIds.tenant(tenantId)).map(rows -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            var items = page.putArray("items");
            rows.forEach(row -> items.add(view(row, ExtensionSchemaReader.read(row.definition))));
            page.putNull("nextCursor");
            return Response.ok(page.toString(), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @DELETE
    @Path("{schemaId}")
    public Uni<Response> remove(@PathParam("tenantId") String tenantId, @PathParam("schemaId") String schemaId) {
        return schemas.remove(AdminIds.tenant(tenantId), schemaId).map(ignored -> Response.noContent().build());
    }

    private ObjectNode view(TenantSchemaEntity row, Schema schema) {
        ObjectNode node = SchemaJson.schema(schema, config.tenantUrl(row.tenantId));
        node.put("resourceType", row.resourceType);
        node.put("createdAt", row.createdAt.toString());
        return node;
    }

    private static String resourceType(JsonNode value) {
        if (value == null || value.isNull()) {
            return SchemaRegistry.USER;
        }
        return SchemaRegistry.standard().resourceType(value.asText())
                .orElseThrow(() -> Failure.invalid("'resourceType' must be User or Group."))
                .name();
    }
}

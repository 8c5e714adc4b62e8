package dev.roster.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /}: what this server is and where to go, instead of a 404 for whoever opens the bare address in a
 * browser or with curl. Names no tenant and needs no credential.
 */
@Path("/")
public class LandingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode landing() {
        ObjectNode links = JsonNodeFactory.instance.objectNode()
                .put("name", "Roster")
                .put("description", "A multi-tenant SCIM 2.0 server that Microsoft Entra ID provisions users and groups"
                        + " into.");
        links.putObject("links")
                .put("scim", "/scim/v2/{tenantId} (the Tenant URL of each workspace; a bearer credential is required)")
                .put("adminApi", "/admin/v1")
                .put("openapi", "/q/openapi")
                .put("health", "/q/health")
                .put("metrics", "/q/metrics")
                .put("docs", "README.md and docs/ in the source repository");
        return links;
    }
}

package dev.roster.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.export.SnapshotExport;
import dev.roster.web.JsonOnlySurfaces;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * {@code GET /admin/v1/tenants/{id}/export} (issue 15, item 1): the tenant's users, groups and memberships from one
 * consistent point in time as NDJSON, ending with the feed cursor of that point (export/SnapshotExport).
 */
@Path("/admin/v1/tenants/{tenantId}/export")
@RolesAllowed(Roles.ADMIN)
public class ExportResource {

    @Inject
    SnapshotExport export;

    @GET
    @Produces(JsonOnlySurfaces.NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ObjectNode> export(@PathParam("tenantId") String tenantId) {
        return export.export(AdminIds.tenant(tenantId));
    }
}

package dev.roster.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.synchealth.SyncHealthService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /admin/v1/tenants/{id}/health}: how the tenant's provisioning is going (synchealth/SyncHealthService). */
@Path("/admin/v1/tenants/{tenantId}/health")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SyncHealthResource {

    @Inject
    SyncHealthService health;

    @GET
    public Uni<ObjectNode> health(@PathParam("tenantId") String tenantId) {
        return health.report(AdminIds.tenant(tenantId));
    }
}

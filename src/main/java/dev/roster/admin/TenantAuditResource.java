package dev.roster.admin;

import dev.roster.audit.AuditEntry;
import dev.roster.audit.AuditLog;
import dev.roster.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /admin/v1/tenants/{id}/audit}: one tenant's admin changes, also after the tenant is deleted. */
@Path("/admin/v1/tenants/{tenantId}/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TenantAuditResource {

    @Inject
    AuditLog audit;

    @GET
    public Uni<Page<AuditEntry>> tenant(@PathParam("tenantId") String tenantId, @QueryParam("after") String after,
                                        @QueryParam("limit") String limit) {
        return AuditResource.page(audit, AdminIds.parse(tenantId, "tenant"), after, limit);
    }
}

package dev.roster.admin;

import dev.roster.audit.AuditEntry;
import dev.roster.audit.AuditLog;
import dev.roster.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * The admin audit log (issue 15, item 6): {@code GET /admin/v1/audit[?tenantId=]} across tenants, in time order with
 * {@code limit}/{@code after} ({@link TenantAuditResource}: one tenant's). Entries outlive their tenant, so a deleted
 * tenant's log (its deletion included) stays readable.
 */
@Path("/admin/v1/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    public Uni<Page<AuditEntry>> all(@QueryParam("tenantId") String tenantId, @QueryParam("after") String after,
                                     @QueryParam("limit") String limit) {
        return page(tenantId == null || tenantId.isBlank() ? null : AdminIds.parse(tenantId, "tenant"), after, limit);
    }

    static Uni<Page<AuditEntry>> page(AuditLog audit, UUID tenantId, String after, String limit) {
        PageRequest page = PageRequest.of(after, limit);
        return audit.page(tenantId, page.after(), page.fetchSize())
                .map(rows -> page.toPage(rows, AuditEntry::id, entry -> entry));
    }

    private Uni<Page<AuditEntry>> page(UUID tenantId, String after, String limit) {
        return page(audit, tenantId, after, limit);
    }
}

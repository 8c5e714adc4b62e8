package dev.roster.admin;

import dev.roster.auth.Roles;
import dev.roster.directory.UserDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/v1/tenants/{id}/users}: restoring users that a soft-delete tenant keeps after a SCIM DELETE. */
@Path("/admin/v1/tenants/{tenantId}/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserAdminResource {

    @Inject
    UserDirectory users;

    @POST
    @Path("{userId}/restore")
    public Uni<Response> restore(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        return users.restore(AdminIds.tenant(tenantId), AdminIds.parse(userId, "user"))
                .map(ignored -> Response.noContent().build());
    }
}

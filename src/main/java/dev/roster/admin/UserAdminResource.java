package dev.roster.admin;

import dev.roster.admin.AdminViews.DirectoryEntryView;
import dev.roster.auth.Roles;
import dev.roster.directory.Listing;
import dev.roster.directory.UserCatalog;
import dev.roster.directory.UserDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /admin/v1/tenants/{id}/users}: what Entra provisioned, for the host's backend (issue 15, item 1): pages by a
 * SCIM {@code filter} with {@code sortBy} ({@code createdAt}, {@code userName}, {@code updatedAt}), {@code limit} and
 * {@code after}; {@code deleted=true} lists the users a soft-delete tenant still retains (tombstones); one user with its
 * groups and admin metadata; and restoring a retained user.
 */
@Path("/admin/v1/tenants/{tenantId}/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserAdminResource {

    @Inject
    UserDirectory users;
    @Inject
    UserCatalog catalog;
    @Inject
    dev.roster.erasure.UserErasure erasure;

    @GET
    public Uni<Page<DirectoryEntryView>> list(@PathParam("tenantId") String tenantId,
                                              @QueryParam("filter") String filter,
                                              @QueryParam("sortBy") String sortBy,
                                              @QueryParam("after") String after,
                                              @QueryParam("limit") String limit,
                                              @QueryParam("deleted") String deleted) {
        boolean retained = JsonFields.queryBoolean(deleted, "deleted");
        return catalog.list(new Listing.Request(AdminIds.tenant(tenantId), filter, sortBy, after,
                PageRequest.parseLimit(limit), retained)).map(DirectoryEntryView::page);
    }

    @GET
    @Path("{userId}")
    public Uni<DirectoryEntryView> get(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        return catalog.describe(AdminIds.tenant(tenantId), AdminIds.parse(userId, "user")).map(DirectoryEntryView::of);
    }

    /**
     * Erases a user on a person's request (GDPR art. 17): the user and its memberships go, its events and activity
     * entries are scrubbed of its data, and the host gets {@code user.erased}. 204; 404 when there is no such user.
     */
    @POST
    @Path("{userId}/erase")
    public Uni<Response> erase(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        return erasure.erase(AdminIds.tenant(tenantId), AdminIds.parse(userId, "user"))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("{userId}/restore")
    public Uni<Response> restore(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        return users.restore(AdminIds.tenant(tenantId), AdminIds.parse(userId, "user"))
                .map(ignored -> Response.noContent().build());
    }
}

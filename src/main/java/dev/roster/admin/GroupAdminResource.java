package dev.roster.admin;

import dev.roster.admin.AdminViews.DirectoryEntryView;
import dev.roster.admin.AdminViews.MemberView;
import dev.roster.auth.Roles;
import dev.roster.directory.GroupCatalog;
import dev.roster.directory.Listing;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /admin/v1/tenants/{id}/groups} (issue 15, item 1): pages of groups by a SCIM {@code filter} with {@code sortBy}
 * ({@code createdAt}, {@code displayName}, {@code updatedAt}), never with their member lists; one group with its
 * {@code memberCount}; and {@code .../{groupId}/members}, a group's direct members paged in id order.
 */
@Path("/admin/v1/tenants/{tenantId}/groups")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class GroupAdminResource {

    @Inject
    GroupCatalog catalog;

    @GET
    public Uni<Page<DirectoryEntryView>> list(@PathParam("tenantId") String tenantId,
                                              @QueryParam("filter") String filter,
                                              @QueryParam("sortBy") String sortBy,
                                              @QueryParam("after") String after,
                                              @QueryParam("limit") String limit) {
        return catalog.list(new Listing.Request(AdminIds.tenant(tenantId), filter, sortBy, after,
                PageRequest.parseLimit(limit), false)).map(DirectoryEntryView::page);
    }

    @GET
    @Path("{groupId}")
    public Uni<DirectoryEntryView> get(@PathParam("tenantId") String tenantId, @PathParam("groupId") String groupId) {
        return catalog.describe(AdminIds.tenant(tenantId), AdminIds.parse(groupId, "group"))
                .map(DirectoryEntryView::of);
    }

    @GET
    @Path("{groupId}/members")
    public Uni<Page<MemberView>> members(@PathParam("tenantId") String tenantId, @PathParam("groupId") String groupId,
                                         @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return catalog.members(AdminIds.tenant(tenantId), AdminIds.parse(groupId, "group"), after,
                PageRequest.parseLimit(limit)).map(MemberView::page);
    }
}

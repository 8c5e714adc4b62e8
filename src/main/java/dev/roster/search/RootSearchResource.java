package dev.roster.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.groups.GroupResponses;
import dev.roster.groups.GroupService;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.scim.wire.ListResponse;
import dev.roster.scim.wire.ScimListRequest;
import dev.roster.users.UserResponses;
import dev.roster.users.UserService;
import dev.roster.web.ScimBodies;
import dev.roster.auth.ScimCaller;
import dev.roster.web.ScimEndpoints;
import dev.roster.web.ScimResponses;
import io.smallrye.mutiny.Uni;
import dev.roster.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /.search} at the root (RFC 7644 §3.4.3): one query over Users and Groups. Results list users first, then
 * groups, each in id order, and one page may span both. A filter naming an attribute of one type matches nothing of the
 * other (RFC 7644 §3.4.2.2 on unknown attributes). Sorting and cursors are per resource type and refused here. Both
 * URL forms reach it.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class RootSearchResource {

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    ScimBodies bodies;
    @Inject
    UserService users;
    @Inject
    GroupService groups;

    @POST
    @Path(".search")
    public Uni<Response> search(String body) {
        ScimListRequest request = ScimListRequest.fromSearchBody(bodies.parse(body));
        if (request.sortBy() != null || request.cursor() != null) {
            throw ScimException.invalidValue("A search at the root covers Users and Groups in id order; for sortBy or"
                    + " cursor pagination search /Users/.search or /Groups/.search.");
        }
        return caller.withSchemas((tenant, registry) -> {
            String base = endpoints.base(tenant);
            AttributeProjection userProjection = AttributeProjection.of(registry.user(), request.attributes(),
                    request.excludedAttributes());
            AttributeProjection groupProjection = AttributeProjection.of(registry.group(), request.attributes(),
                    request.excludedAttributes());
            return users.search(tenant.tenantId(), registry.user(), request, userProjection.includes("groups"))
                    .chain(userPage -> {
                        // The groups' window starts where the users ran out.
                        int groupOffset = (int) Math.max(0, request.offset() - userPage.total());
                        int room = request.count() - userPage.users().size();
                        ScimListRequest groupWindow = request.withPage(groupOffset + 1, Math.max(0, room));
                        return groups.search(tenant.tenantId(), registry.group(), groupWindow,
                                groupProjection.includes("members")).map(groupPage -> {
                                    List<JsonNode> resources = new ArrayList<>();
                                    userPage.users().forEach(u -> resources.add(UserResponses.render(u.user(),
                                            u.groups(), base, userProjection)));
                                    groupPage.groups().forEach(g -> resources.add(GroupResponses.render(g.group(),
                                            g.members(), base, groupProjection)));
                                    return ScimResponses.ok(ListResponse.of(userPage.total() + groupPage.total(),
                                            request.startIndex(), resources));
                                });
                    });
        });
    }
}

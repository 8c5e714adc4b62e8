package dev.roster.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.activity.ActivityEntry;
import dev.roster.activity.ActivityLog;
import dev.roster.activity.ActivityQuery;
import dev.roster.activity.ActivityRepository;
import dev.roster.auth.Roles;
import dev.roster.failure.Failure;
import dev.roster.tenant.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /admin/v1/tenants/{id}/activity} (issue 11, item 6): the tenant's SCIM requests, newest first, filtered by
 * {@code status} ({@code 404}, {@code 4xx}, or a range {@code 400-499}), {@code from}/{@code to} (RFC 3339) and
 * {@code resourceId}, paged with {@code limit} and {@code after}.
 */
@Path("/admin/v1/tenants/{tenantId}/activity")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityRepository activity;
    @Inject
    TenantService tenants;

    @GET
    public Uni<ObjectNode> list(@PathParam("tenantId") String tenantId, @QueryParam("status") String status,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("resourceId") String resourceId, @QueryParam("after") String after,
                                @QueryParam("limit") String limit) {
        UUID tenant = AdminIds.tenant(tenantId);
        int[] range = ActivityLog.statusRange(status);
        PageRequest page = PageRequest.of(after, limit);
        ActivityQuery query = new ActivityQuery(tenant, range == null ? null : range[0],
                range == null ? null : range[1], instant(from, "from"), instant(to, "to"),
                resourceId == null ? null : AdminIds.parse(resourceId, "resource"), page.after(), page.fetchSize());
        return tenants.find(tenant).chain(found -> {
            if (found == null) {
                throw Failure.notFound("No tenant " + tenant + ".");
            }
            return activity.find(query).map(entries -> view(page, entries));
        });
    }

    private static ObjectNode view(PageRequest page, List<ActivityEntry> entries) {
        Page<ObjectNode> shown = page.toPage(entries, ActivityEntry::id, ActivityResource::entry);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        shown.items().forEach(body.putArray("items")::add);
        body.put("nextCursor", shown.nextCursor());
        return body;
    }

    private static ObjectNode entry(ActivityEntry e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("at", e.at().toString());
        node.put("credentialId", e.credentialId() == null ? null : e.credentialId().toString());
        node.put("method", e.method());
        node.put("path", e.path());
        node.put("filter", e.filter());
        node.put("status", e.status());
        node.put("scimType", e.scimType());
        node.put("detail", e.detail());
        node.put("resourceId", e.resourceId() == null ? null : e.resourceId().toString());
        node.put("durationMs", e.durationMs());
        node.put("requestId", e.requestId());
        return node;
    }

    private static Instant instant(String text, String field) {
        return text == null || text.isBlank() ? null : JsonFields.instant(text.trim(), field);
    }
}

package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.failure.Failure;
import dev.roster.rules.RuleService;
import dev.roster.rules.TenantRuleEntity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin/v1/tenants/{id}/rules} (issue 11, item 5): {@code {"filter", "labels", "resourceType"?, "applyOnUpdate"?,
 * "description"?}}, e.g. {@code {"filter": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq
 * \"Marketing\"", "labels": {"cardTemplate": "A"}}}. Matching resources' events carry the labels.
 */
@Path("/admin/v1/tenants/{tenantId}/rules")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    static final int MAX_FILTER_LENGTH = 2_000;
    private static final Set<String> FIELDS = Set.of("filter", "labels", "resourceType", "applyOnUpdate",
            "description");

    @Inject
    RuleService rules;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(@PathParam("tenantId") String tenantId, JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        JsonFields.requireObject(body);
        JsonFields.rejectUnknown(body, FIELDS);
        String filter = JsonFields.requiredText(body, "filter", MAX_FILTER_LENGTH);
        String type = body.path("resourceType").asText("User");
        if (!type.equals("User") && !type.equals("Group")) {
            throw Failure.invalid("'resourceType' must be \"User\" (the default) or \"Group\".");
        }
        Boolean applyOnUpdate = JsonFields.optionalBoolean(body, "applyOnUpdate");
        String description = body.hasNonNull("description") ? body.get("description").asText() : null;
        RuleService.NewRule rule = new RuleService.NewRule(type, filter, dev.roster.rules.RuleLabels.check(body.get("labels")),
                Boolean.TRUE.equals(applyOnUpdate), description);
        return rules.add(tenant, rule).map(saved -> Response
                .created(URI.create("/admin/v1/tenants/" + tenant + "/rules/" + saved.id)).entity(view(saved)).build());
    }

    @GET
    public Uni<ObjectNode> list(@PathParam("tenantId") String tenantId) {
        return rules.list(AdminIds.tenant(tenantId)).map(rows -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            rows.forEach(row -> page.withArray("items").add(view(row)));
            page.withArray("items");
            page.putNull("nextCursor");
            return page;
        });
    }

    @DELETE
    @Path("{ruleId}")
    public Uni<Response> remove(@PathParam("tenantId") String tenantId, @PathParam("ruleId") String ruleId) {
        return rules.remove(AdminIds.tenant(tenantId), AdminIds.parse(ruleId, "rule"))
                .map(ignored -> Response.noContent().build());
    }

    private static ObjectNode view(TenantRuleEntity rule) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", rule.id.toString());
        view.put("resourceType", rule.resourceType);
        view.put("filter", rule.filter);
        view.set("labels", rule.labels);
        view.put("applyOnUpdate", rule.applyOnUpdate);
        view.put("description", rule.description);
        view.put("createdAt", rule.createdAt.toString());
        return view;
    }
}

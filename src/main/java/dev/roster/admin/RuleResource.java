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
import java.util.Iterator;
import java.util.Map;
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
    static final int MAX_LABELS = 20;
    static final int MAX_LABEL_LENGTH = 200;
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
        RuleService.NewRule rule = new RuleService.NewRule(type, filter, labels(body.get("labels")),
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

    /** Labels are a flat object of short strings, numbers or booleans (what a host keys a template or a flow on). */
    private static ObjectNode labels(JsonNode labels) {
        if (labels == null || !labels.isObject() || labels.isEmpty() || labels.size() > MAX_LABELS) {
            throw Failure.invalid("'labels' must be an object of 1 to " + MAX_LABELS + " labels, such as"
                    + " {\"cardTemplate\": \"A\"}.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            JsonNode value = label.getValue();
            if (label.getKey().isBlank() || label.getKey().length() > MAX_LABEL_LENGTH || !value.isValueNode()
                    || value.isNull() || value.asText().length() > MAX_LABEL_LENGTH) {
                throw Failure.invalid("Label '" + label.getKey() + "' must have a name and a string, number or boolean"
                        + " value of at most " + MAX_LABEL_LENGTH + " characters.");
            }
        }
        return (ObjectNode) labels;
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

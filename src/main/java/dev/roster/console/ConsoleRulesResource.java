package dev.roster.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.admin.AdminViews.TenantView;
import dev.roster.failure.Failure;
import dev.roster.rules.RuleLabels;
import dev.roster.rules.RuleService;
import dev.roster.rules.TenantRuleEntity;
import dev.roster.tenant.Ids;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's rules in the console (issue 16, item 1): SCIM filters whose labels the matching users' or groups' events
 * carry. Added and deleted through {@link RuleService} (the same filter and label checks as the admin API), audited.
 */
@Path("/console/tenants/{tenantId}/rules")
@Produces(MediaType.TEXT_HTML)
public class ConsoleRulesResource extends TenantConsolePage {

    static final int MAX_FILTER_LENGTH = 2_000;
    static final int MAX_LABELS_TEXT = 5_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(ConsoleSession session, TenantView tenant, List<TenantRuleEntity> rules,
                                             String error);
    }

    @Inject
    RuleService rules;
    @Inject
    ObjectMapper mapper;

    @GET
    public Uni<Response> page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenantId") String tenantId) {
        return tenantPage(cookie, tenantId, (session, tenant) -> show(session, tenant, null, 200));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> add(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                             @PathParam("tenantId") String tenantId, @RestForm String resourceType,
                             @RestForm String filter, @RestForm String labels, @RestForm String applyOnUpdate,
                             @RestForm String description, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            RuleService.NewRule rule;
            try {
                rule = new RuleService.NewRule("Group".equals(resourceType) ? "Group" : "User", filterOf(filter),
                        RuleLabels.check(labelsOf(labels)), "true".equals(applyOnUpdate),
                        FormFields.description(description, null));
            } catch (Failure invalid) {
                return show(session, tenant, invalid.detail(), 400);
            }
            return Uni.createFrom().deferred(() -> rules.add(tenant.id(), rule))
                    .call(saved -> audited(session, tenant, rc, "POST /admin/v1/tenants/{tenantId}/rules",
                            saved.id, 201, null, java.util.Map.of("filter", saved.filter,
                                    "resourceType", saved.resourceType, "labels", saved.labels)))
                    .map(saved -> responses.seeOther(session, "/console/tenants/" + tenant.id() + "/rules"))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant));
        });
    }

    @POST
    @Path("{ruleId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                @PathParam("tenantId") String tenantId, @PathParam("ruleId") String ruleId,
                                @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            return withId(session, tenant, ruleId, "rule", rule -> rules.remove(tenant.id(), rule)
                    .call(() -> audited(session, tenant, rc,
                            "DELETE /admin/v1/tenants/{tenantId}/rules/{ruleId}", rule, 204,
                            null, null))
                    .map(ignored -> responses.seeOther(session, "/console/tenants/" + tenant.id() + "/rules"))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }

    @Override
    Uni<Response> show(ConsoleSession session, TenantView tenant, String error, int status) {
        return rules.list(tenant.id()).map(list -> responses.page(session, Templates.rules(session, tenant, list,
                error), status));
    }

    private static String filterOf(String filter) {
        if (filter == null || filter.isBlank() || filter.length() > MAX_FILTER_LENGTH) {
            throw Failure.invalid("A rule needs a SCIM filter of at most " + MAX_FILTER_LENGTH + " characters, such as"
                    + " department eq \"Sales\".");
        }
        return filter.strip();
    }

    /** Labels as a JSON object ({@code {"cardTemplate": "A"}}), the form the admin API takes. */
    private JsonNode labelsOf(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LABELS_TEXT) {
            throw Failure.invalid("Labels are a JSON object such as {\"cardTemplate\": \"A\"}.");
        }
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Failure.invalid("Labels are a JSON object such as {\"cardTemplate\": \"A\"}; this is not JSON.");
        }
    }
}

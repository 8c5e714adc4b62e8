package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;
import dev.roster.config.RosterConfig;
import dev.roster.events.webhooks.WebhookRepository;
import dev.roster.events.webhooks.WebhookService;
import dev.roster.failure.Failure;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A tenant's webhooks in the console (issue 16, item 1): endpoints with their circuit and secrets, each one's recent
 * deliveries with a redeliver button, a new endpoint (its secret shown once), and secret rotation (a second secret, shown
 * once, then the old one deleted). Through {@link WebhookService}, audited as the equivalent admin API calls.
 */
@Path("/console/tenants/{tenantId}/webhooks")
@Produces(MediaType.TEXT_HTML)
public class ConsoleWebhooksResource extends TenantConsolePage {

    static final int DELIVERIES_SHOWN = 20;

    /** An endpoint with its recent deliveries, for the page. */
    public record EndpointView(WebhookRepository.Endpoint endpoint, String circuit,
                               List<WebhookRepository.Delivery> deliveries) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(ConsoleSession session, TenantView tenant, List<EndpointView> endpoints,
                                                String error);

        static native TemplateInstance secretShown(ConsoleSession session, TenantView tenant, String url,
                                                   String secret);
    }

    @Inject
    WebhookService webhooks;
    @Inject
    RosterConfig config;

    @GET
    public Uni<Response> page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenantId") String tenantId) {
        return tenantPage(cookie, tenantId, (session, tenant) -> show(session, tenant, null, 200));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                @PathParam("tenantId") String tenantId, @RestForm String url,
                                @RestForm String description, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            UUID id = tenant.id();
            String target = url == null ? "" : url.strip();
            if (target.isEmpty() || target.length() > 2000) {
                return show(session, tenant, "An endpoint needs an https URL (at most 2,000 characters).", 400);
            }
            // Deferred: the service checks the URL (and the description is checked) before a Uni exists, and those
            // refusals belong on this page.
            return Uni.createFrom().deferred(() -> webhooks.create(id, target, null, true,
                            FormFields.description(description, null)))
                    .call(created -> audited(session, tenant, rc, "POST /admin/v1/tenants/{tenantId}/webhooks",
                            created.endpoint().id(), 201, null, created.endpoint()))
                    .map(created -> responses.page(session, Templates.secretShown(session, tenant,
                            created.endpoint().url(), created.secret()), 200))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant));
        });
    }

    @POST
    @Path("{webhookId}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> redeliver(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                   @PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                   @RestForm String eventId, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            UUID id = tenant.id();
            return withIds(session, tenant, webhookId, eventId, "delivery", (webhook, event) -> webhooks
                    .redeliver(id, webhook, event)
                    .call(() -> audited(session, tenant, rc,
                            "POST /admin/v1/tenants/{tenantId}/webhooks/{webhookId}/redeliver", webhook, 202,
                            null, java.util.Map.of("eventId", event.toString())))
                    .map(ignored -> responses.seeOther(session, base(id) + "#webhook-" + webhook))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }

    /** Rotation, step 1: a second secret, shown once; deliveries are signed with both until the old one goes. */
    @POST
    @Path("{webhookId}/secrets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addSecret(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                   @PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                   @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            UUID id = tenant.id();
            return withId(session, tenant, webhookId, "endpoint", webhook -> webhooks.get(id, webhook)
                    .chain(endpoint -> webhooks.addSecret(id, webhook)
                    .call(secret -> audited(session, tenant, rc,
                            "POST /admin/v1/tenants/{tenantId}/webhooks/{webhookId}/secrets", webhook, 201,
                            null, null))
                    .map(secret -> responses.page(session, Templates.secretShown(session, tenant, endpoint.url(),
                            secret), 200)))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }

    /** Rotation, step 2: the old secret goes (an endpoint keeps at least one). */
    @POST
    @Path("{webhookId}/secrets/{secretId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteSecret(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                      @PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                      @PathParam("secretId") String secretId, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            UUID id = tenant.id();
            return withIds(session, tenant, webhookId, secretId, "secret", (webhook, secret) -> webhooks
                    .deleteSecret(id, webhook, secret)
                    .call(() -> audited(session, tenant, rc,
                            "DELETE /admin/v1/tenants/{tenantId}/webhooks/{webhookId}/secrets/{secretId}",
                            secret, 204, null, null))
                    .map(ignored -> responses.seeOther(session, base(id)))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }

    @Override
    Uni<Response> show(ConsoleSession session, TenantView tenant, String error, int status) {
        return webhooks.list(tenant.id()).chain(endpoints -> {
            Uni<List<EndpointView>> all = Uni.createFrom().item(new ArrayList<>());
            for (WebhookRepository.Endpoint endpoint : endpoints) {
                all = all.chain(list -> webhooks.deliveries(tenant.id(), endpoint.id(), DELIVERIES_SHOWN)
                        .map(deliveries -> {
                            list.add(new EndpointView(endpoint, circuit(endpoint), deliveries));
                            return list;
                        }));
            }
            return all;
        }).map(views -> responses.page(session, Templates.webhooks(session, tenant, views, error), status));
    }

    private static String circuit(WebhookRepository.Endpoint endpoint) {
        var circuit = endpoint.circuit();
        if (circuit == null || circuit.openUntil() == null) {
            return "closed: delivering";
        }
        return circuit.openUntil().isAfter(java.time.Instant.now())
                ? "open until " + circuit.openUntil() + " (UTC): the endpoint kept failing, deliveries wait"
                : "half open: one delivery is trying the endpoint";
    }


    private static String base(UUID tenantId) {
        return "/console/tenants/" + tenantId + "/webhooks";
    }
}

package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.events.webhooks.WebhookRepository;
import dev.roster.events.webhooks.WebhookService;
import dev.roster.failure.Failure;
import dev.roster.web.ScimMediaType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import dev.roster.audit.AuditTrail;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin/v1/tenants/{id}/webhooks} (issue 11, item 2): endpoints ({@code url}, {@code eventTypes} or all,
 * {@code enabled}, {@code description}), each created with a {@code whsec_} secret shown once; {@code POST .../secrets}
 * adds a second secret for a rotation and {@code DELETE .../secrets/{secretId}} retires the old one; {@code GET
 * .../deliveries} lists deliveries with their state and last answer; {@code POST .../redeliver {"eventId"}} sends an
 * event again.
 */
@Path("/admin/v1/tenants/{tenantId}/webhooks")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final Set<String> FIELDS = Set.of("url", "eventTypes", "enabled", "description");
    static final int MAX_DESCRIPTION = 500;

    @Inject
    WebhookService webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("tenantId") String tenantId, JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        JsonFields.requireObject(body);
        JsonFields.rejectUnknown(body, FIELDS);
        String url = JsonFields.requiredText(body, "url", 2_000);
        boolean enabled = !Boolean.FALSE.equals(JsonFields.optionalBoolean(body, "enabled"));
        return webhooks.create(tenant, url, eventTypes(body.get("eventTypes")), enabled, description(body))
                .map(created -> {
                    ObjectNode view = view(created.endpoint());
                    view.put("secret", created.secret());
                    return Response.created(URI.create("/admin/v1/tenants/" + tenant + "/webhooks/"
                            + created.endpoint().id())).entity(view).build();
                });
    }

    @GET
    public Uni<ObjectNode> list(@PathParam("tenantId") String tenantId) {
        return webhooks.list(AdminIds.tenant(tenantId)).map(endpoints -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            endpoints.forEach(endpoint -> items.add(view(endpoint)));
            page.putNull("nextCursor");
            return page;
        });
    }

    @GET
    @Path("{webhookId}")
    public Uni<ObjectNode> get(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId) {
        return webhooks.get(AdminIds.tenant(tenantId), AdminIds.parse(webhookId, "webhook")).map(WebhookResource::view);
    }

    /** JSON merge patch of url, eventTypes (null: all), enabled, description. */
    @PATCH
    @Path("{webhookId}")
    @Consumes({ScimMediaType.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Uni<ObjectNode> update(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                  JsonNode body, @Context RoutingContext rc) {
        JsonFields.requireObject(body);
        JsonFields.rejectUnknown(body, FIELDS);
        String url = body.has("url") ? JsonFields.requiredText(body, "url", 2_000) : null;
        Boolean enabled = JsonFields.optionalBoolean(body, "enabled");
        UUID tenant = AdminIds.tenant(tenantId);
        UUID webhook = AdminIds.parse(webhookId, "webhook");
        return noteBefore(tenant, webhook, rc).chain(() -> webhooks.update(tenant, webhook, url,
                eventTypes(body.get("eventTypes")), body.has("eventTypes"), enabled, description(body),
                body.has("description"))).map(WebhookResource::view);
    }

    @DELETE
    @Path("{webhookId}")
    public Uni<Response> delete(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                @Context RoutingContext rc) {
        UUID tenant = AdminIds.tenant(tenantId);
        UUID webhook = AdminIds.parse(webhookId, "webhook");
        return noteBefore(tenant, webhook, rc).chain(() -> webhooks.delete(tenant, webhook))
                .map(ignored -> Response.noContent().build());
    }

    /** The endpoint as it was, for the audit log (404 when there is none, as the change itself would answer). */
    private Uni<Void> noteBefore(UUID tenant, UUID webhook, RoutingContext rc) {
        return webhooks.get(tenant, webhook).invoke(endpoint -> AuditTrail.before(rc, view(endpoint)))
                .replaceWithVoid();
    }

    @POST
    @Path("{webhookId}/secrets")
    public Uni<Response> addSecret(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId) {
        return webhooks.addSecret(AdminIds.tenant(tenantId), AdminIds.parse(webhookId, "webhook"))
                .map(secret -> Response.status(201)
                        .entity(JsonNodeFactory.instance.objectNode().put("secret", secret)).build());
    }

    @DELETE
    @Path("{webhookId}/secrets/{secretId}")
    public Uni<Response> deleteSecret(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                      @PathParam("secretId") String secretId) {
        return webhooks.deleteSecret(AdminIds.tenant(tenantId), AdminIds.parse(webhookId, "webhook"),
                AdminIds.parse(secretId, "secret")).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("{webhookId}/deliveries")
    public Uni<ObjectNode> deliveries(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                      @QueryParam("limit") String limit) {
        return webhooks.deliveries(AdminIds.tenant(tenantId), AdminIds.parse(webhookId, "webhook"),
                PageRequest.parseLimit(limit)).map(list -> {
                    ObjectNode page = JsonNodeFactory.instance.objectNode();
                    ArrayNode items = page.putArray("items");
                    for (WebhookRepository.Delivery d : list) {
                        ObjectNode item = items.addObject();
                        item.put("id", d.id().toString());
                        item.put("eventId", d.eventId().toString());
                        item.put("state", d.state());
                        item.put("attempts", d.attempts());
                        item.put("lastStatus", d.lastStatus());
                        item.put("lastError", d.lastError());
                        item.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
                        item.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
                        item.put("createdAt", d.createdAt().toString());
                    }
                    page.putNull("nextCursor");
                    return page;
                });
    }

    @POST
    @Path("{webhookId}/redeliver")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> redeliver(@PathParam("tenantId") String tenantId, @PathParam("webhookId") String webhookId,
                                   JsonNode body) {
        JsonFields.requireObject(body);
        UUID tenant = AdminIds.tenant(tenantId);
        UUID webhook = AdminIds.parse(webhookId, "webhook");
        if (body.has("eventId")) {
            UUID eventId = AdminIds.parse(JsonFields.requiredText(body, "eventId", 64), "event");
            return webhooks.redeliver(tenant, webhook, eventId).map(ignored -> Response.accepted()
                    .entity(JsonNodeFactory.instance.objectNode().put("queued", 1)).build());
        }
        if (!body.has("from") || !body.has("to")) {
            throw Failure.invalid("Send {\"eventId\"} to redeliver one event, or {\"from\", \"to\"} (RFC 3339) to"
                    + " redeliver a time range.");
        }
        return webhooks.redeliverRange(tenant, webhook,
                        JsonFields.instant(body.get("from").asText(), "from"),
                        JsonFields.instant(body.get("to").asText(), "to"))
                .map(queued -> Response.accepted().entity(JsonNodeFactory.instance.objectNode().put("queued", queued))
                        .build());
    }

    private static ObjectNode view(WebhookRepository.Endpoint endpoint) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", endpoint.id().toString());
        view.put("url", endpoint.url());
        if (endpoint.eventTypes() == null) {
            view.putNull("eventTypes");
        } else {
            endpoint.eventTypes().forEach(view.putArray("eventTypes")::add);
        }
        view.put("enabled", endpoint.enabled());
        view.put("description", endpoint.description());
        view.put("createdAt", endpoint.createdAt().toString());
        ArrayNode secrets = view.putArray("secrets");
        endpoint.secrets().forEach(secret -> secrets.addObject().put("id", secret.id().toString())
                .put("hint", secret.hint()).put("createdAt", secret.createdAt().toString()));
        WebhookRepository.Circuit circuit = endpoint.circuit();
        ObjectNode breaker = view.putObject("circuit")
                .put("state", circuit.state(java.time.Instant.now()))
                .put("consecutiveFailures", circuit.consecutiveFailures());
        if (circuit.openUntil() != null) {
            breaker.put("openUntil", circuit.openUntil().toString());
        }
        return view;
    }

    private static List<String> eventTypes(JsonNode types) {
        if (types == null || types.isNull()) {
            return null;
        }
        if (!types.isArray()) {
            throw Failure.invalid("'eventTypes' must be an array of event types, or null for all of them.");
        }
        List<String> list = new ArrayList<>();
        types.forEach(type -> list.add(type.asText()));
        return list;
    }

    private static String description(JsonNode body) {
        JsonNode value = body.get("description");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > MAX_DESCRIPTION) {
            throw Failure.invalid("'description' must be a string of at most " + MAX_DESCRIPTION + " characters.");
        }
        return value.asText();
    }
}

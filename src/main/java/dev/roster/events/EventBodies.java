package dev.roster.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The event body the host app receives, in the feed and (later) in webhook deliveries, in one shape (README, "Events"):
 * <pre>{@code
 * {"id": "...", "type": "user.deactivated", "tenantId": "...", "occurredAt": "2026-12-07T10:00:00Z", "cursor": "42",
 *  "resource": {...the SCIM document...}, "changed": ["active"], "labels": {},
 *  "actor": {"credentialId": "...", "kind": "SECRET_TOKEN"}}
 * }</pre>
 */
public final class EventBodies {

    private EventBodies() {
    }

    public static ObjectNode body(UUID id, String type, UUID tenantId, Instant occurredAt, long position, JsonNode payload,
                           UUID actorCredentialId, String actorKind) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", id.toString());
        body.put("type", type);
        body.put("tenantId", tenantId.toString());
        body.put("occurredAt", occurredAt.toString());
        body.put("cursor", Long.toString(position));
        body.set("resource", payload.path("resource").isMissingNode() ? body.nullNode() : payload.get("resource"));
        body.set("changed", payload.path("changed").isArray() ? payload.get("changed") : body.arrayNode());
        body.set("labels", payload.path("labels").isObject() ? payload.get("labels") : body.objectNode());
        if (payload.path("sendActivation").isBoolean()) {
            body.put("sendActivation", payload.get("sendActivation").booleanValue());
        }
        if (actorCredentialId == null) {
            body.putNull("actor");
        } else {
            body.putObject("actor").put("credentialId", actorCredentialId.toString()).put("kind", actorKind);
        }
        return body;
    }
}

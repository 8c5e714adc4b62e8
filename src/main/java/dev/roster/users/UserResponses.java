package dev.roster.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.directory.GroupDirectory.GroupOfMember;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.wire.ResourceDocuments;

import java.util.List;

/**
 * Renders a stored user as its SCIM resource: the document as received, with the server's {@code id}, {@code meta} and the
 * read-only {@code groups} computed from memberships (RFC 7643 §4.1.2), then projected by attributes/excludedAttributes.
 */
public final class UserResponses {

    private UserResponses() {
    }

    public static Meta meta(UserEntity user, String base) {
        return new Meta("User", user.created, user.lastModified, base + "/Users/" + user.id, user.version);
    }

    /**
     * {@code manager.$ref} is derived from {@code manager.value} on every read, in the URL form of the request, never
     * stored (a stored one would go stale across URL forms; issue 14, item 19).
     */
    private static void withManagerRef(ObjectNode resource, String base) {
        com.fasterxml.jackson.databind.JsonNode enterprise = resource.get(
                dev.roster.scim.schema.CoreSchemas.ENTERPRISE_USER_ID);
        if (enterprise instanceof ObjectNode extension && extension.get("manager") instanceof ObjectNode manager
                && manager.path("value").isTextual() && !manager.path("value").textValue().isBlank()) {
            manager.put("$ref", base + "/Users/" + manager.get("value").textValue());
        }
    }

    public static ObjectNode render(UserEntity user, List<GroupOfMember> groups, String base,
                                    AttributeProjection projection) {
        ObjectNode resource = ResourceDocuments.withId(user.doc, user.id.toString());
        // The column is what filters read (active defaults to true when a client never sent it), so it is what is shown.
        resource.put("active", user.active);
        if (groups != null && !groups.isEmpty()) {
            ArrayNode array = resource.putArray("groups");
            for (GroupOfMember group : groups) {
                array.addObject()
                        .put("value", group.groupId().toString())
                        .put("$ref", base + "/Groups/" + group.groupId())
                        .put("display", group.displayName())
                        .put("type", "direct");
            }
        }
        withManagerRef(resource, base);
        resource.set("meta", meta(user, base).toJson());
        return projection.apply(resource);
    }
}

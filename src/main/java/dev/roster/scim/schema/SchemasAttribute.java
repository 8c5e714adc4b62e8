package dev.roster.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a resource's {@code schemas} attribute (RFC 7643 §3) true to its content: the core schema, then each extension whose
 * object the resource holds. Entra sends extension objects without listing them (Q11) and lists Microsoft's
 * {@code http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group}, which names no schema Roster serves;
 * clients that read back expect every listed URN in {@code /Schemas}, so {@code schemas} is derived, never copied.
 *
 * <p>Extension objects are the registered extensions' URNs and, for data a tenant has not registered, any other top-level
 * member whose name starts with {@code urn:} and whose value is an object (docs/entra.md, Q11: stored and echoed).
 */
public final class SchemasAttribute {

    public static final String NAME = "schemas";

    private SchemasAttribute() {
    }

    /** Whether {@code key} names an extension object the tenant has not registered (a {@code urn:} key, not a schema). */
    public static boolean isUnregisteredExtensionKey(ResourceType type, String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("urn:") && !type.schema().hasId(key)
                && type.extension(key).isEmpty();
    }

    /**
     * Whether a client's {@code urn:} key or path names an unregistered extension's whole object rather than one of its
     * attributes: an unregistered URN whose last segment is the resource type's name, as extension URNs are formed
     * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, RFC 7643 §3.3; Entra's custom extensions). So
     * {@code urn:acme:2.0:User} is an object and {@code urn:acme:2.0:User:badge} its attribute {@code badge}.
     */
    public static boolean namesUnregisteredExtension(ResourceType type, String urn) {
        int colon = urn.lastIndexOf(':');
        return isUnregisteredExtensionKey(type, urn) && colon > 0
                && urn.substring(colon + 1).equalsIgnoreCase(type.name());
    }

    /**
     * Rewrites {@code schemas} from the content, renames extension objects to their schema's spelling, drops empty ones, and
     * puts {@code schemas} first.
     */
    public static void sync(ResourceType type, ObjectNode resource) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        List<String> registered = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : resource.properties()) {
            String key = member.getKey();
            if (key.equalsIgnoreCase(NAME)) {
                continue;
            }
            Schema extension = type.extension(key).orElse(null);
            if (extension != null) {
                key = extension.id();
            }
            boolean extensionObject = extension != null || isUnregisteredExtensionKey(type, key);
            if (extensionObject && AttributeValues.isUnassigned(member.getValue())) {
                continue;
            }
            if (extension != null && !registered.contains(key)) {
                registered.add(key);
            }
            members.put(key, member.getValue());
        }
        ArrayNode schemas = resource.arrayNode().add(type.schema().id());
        for (Schema extension : type.extensions()) {
            if (registered.contains(extension.id())) {
                schemas.add(extension.id());
            }
        }
        for (Map.Entry<String, JsonNode> member : members.entrySet()) {
            if (isUnregisteredExtensionKey(type, member.getKey()) && member.getValue().isObject()) {
                schemas.add(member.getKey());
            }
        }
        resource.removeAll();
        resource.set(NAME, schemas);
        members.forEach(resource::set);
    }
}

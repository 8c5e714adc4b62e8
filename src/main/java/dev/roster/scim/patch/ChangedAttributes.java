package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemasAttribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The top-level attributes whose value differs between two versions of a document, for events and activity ("changed").
 * Comparing the outcome with the input, rather than recording writes, makes a replace with the current value, or an add
 * that a later remove undoes, change nothing. Names are in the schema's spelling; an extension attribute is named
 * {@code urn:...:User:department}; {@code schemas} (derived) and a Group's {@code members} (a table) are left out.
 */
final class ChangedAttributes {

    private ChangedAttributes() {
    }

    static Set<String> between(ResourceType type, ObjectNode before, ObjectNode after) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (String key : keys(after, before)) {
            if (!seen.add(key.toLowerCase(Locale.ROOT)) || key.equalsIgnoreCase(SchemasAttribute.NAME)
                    || key.equalsIgnoreCase("members") && type.schema().attribute("members").isPresent()) {
                continue;
            }
            JsonNode old = JsonFields.get(before, key);
            JsonNode now = JsonFields.get(after, key);
            Schema extension = type.extension(key).orElse(null);
            boolean extensionObject = extension != null || SchemasAttribute.isUnregisteredExtensionKey(type, key)
                    && (isObject(old) || isObject(now));
            if (extensionObject) {
                extensionChanges(extension, extension == null ? key : extension.id(), old, now, changed);
            } else if (!same(old, now)) {
                changed.add(type.resolve(type.schema().id(), key, null).map(r -> r.attribute().name()).orElse(key));
            }
        }
        return changed;
    }

    private static void extensionChanges(Schema extension, String urn, JsonNode old, JsonNode now, Set<String> changed) {
        JsonNode before = isObject(old) ? old : null;
        JsonNode after = isObject(now) ? now : null;
        Set<String> seen = new HashSet<>();
        for (String key : keys(after, before)) {
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!same(JsonFields.get(before, key), JsonFields.get(after, key))) {
                String name = extension == null ? key
                        : extension.attribute(key).map(def -> def.name()).orElse(key);
                changed.add(urn + ":" + name);
            }
        }
    }

    private static List<String> keys(JsonNode first, JsonNode second) {
        List<String> keys = new ArrayList<>();
        for (JsonNode node : new JsonNode[] {first, second}) {
            if (node != null && node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    keys.add(member.getKey());
                }
            }
        }
        return keys;
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return AttributeValues.equivalent(a, b);
    }
}

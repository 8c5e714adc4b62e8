package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.JsonFields;

/**
 * Edits extension data whose schema the tenant has not registered: stored and echoed as received, never type-checked
 * (docs/entra.md, Q11). Without a schema the engine knows no types: add appends to an existing array and sets anything
 * else, replace sets, remove removes (with a value, only equal array elements); null and "" clear.
 */
final class UnregisteredEditor {

    private final ObjectNode root;

    UnregisteredEditor(ObjectNode root) {
        this.root = root;
    }

    void apply(Kind kind, Target.Unregistered target, JsonNode value) {
        boolean writes = kind != Kind.REMOVE && !AttributeValues.isUnassigned(value);
        ObjectNode extension = object(root, target.urn(), writes);
        if (extension == null) {
            return;
        }
        if (target.sub() == null) {
            write(extension, target.name(), kind, value);
            return;
        }
        ObjectNode parent = object(extension, target.name(), writes);
        if (parent != null) {
            write(parent, target.sub(), kind, value);
            if (parent.isEmpty()) {
                JsonFields.remove(extension, target.name());
            }
        }
    }

    /** Removes the whole object of an unregistered extension (a pathless replace with null). */
    void clear(String urn) {
        JsonFields.remove(root, urn);
    }

    private static void write(ObjectNode object, String name, Kind kind, JsonNode value) {
        JsonNode existing = JsonFields.get(object, name);
        if (kind == Kind.REMOVE && value != null && !value.isNull() && existing != null && existing.isArray()) {
            ArrayNode kept = object.arrayNode();
            for (JsonNode element : existing) {
                if (!(value.isArray() ? contains((ArrayNode) value, element) : value.equals(element))) {
                    kept.add(element);
                }
            }
            putOrRemove(object, name, kept);
        } else if (kind == Kind.REMOVE || AttributeValues.isUnassigned(value)) {
            JsonFields.remove(object, name);
        } else if (kind == Kind.ADD && existing != null && existing.isArray()) {
            ArrayNode merged = existing.deepCopy();
            for (JsonNode element : value.isArray() ? value : java.util.List.of(value)) {
                if (!contains(merged, element)) {
                    merged.add(element.deepCopy());
                }
            }
            JsonFields.put(object, name, merged);
        } else {
            JsonFields.put(object, name, value.deepCopy());
        }
    }

    private static void putOrRemove(ObjectNode object, String name, ArrayNode elements) {
        if (elements.isEmpty()) {
            JsonFields.remove(object, name);
        } else {
            JsonFields.put(object, name, elements);
        }
    }

    private static ObjectNode object(ObjectNode parent, String name, boolean create) {
        JsonNode existing = JsonFields.get(parent, name);
        if (existing != null && existing.isObject()) {
            return (ObjectNode) existing;
        }
        if (!create) {
            return null;
        }
        ObjectNode created = parent.objectNode();
        JsonFields.put(parent, name, created);
        return created;
    }

    private static boolean contains(ArrayNode elements, JsonNode element) {
        for (JsonNode existing : elements) {
            if (existing.equals(element)) {
                return true;
            }
        }
        return false;
    }
}

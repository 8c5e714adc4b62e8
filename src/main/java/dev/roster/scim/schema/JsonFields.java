package dev.roster.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Member access on Jackson objects with SCIM's case-insensitive attribute names (RFC 7643 §2.1). Stored documents hold each
 * attribute once, in the schema's spelling; these helpers keep it that way when a client spells a name differently.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The member {@code name} of {@code node}: the exact spelling first, then ignoring case; null when absent. */
    public static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (Names.equalsIgnoreCase(member.getKey(), name)) {
                return member.getValue();
            }
        }
        return null;
    }

    /** Whether {@code node} has a member named {@code name}, ignoring case (its value may be null). */
    /** The key under which {@code name} is stored, matched exactly first and then ignoring case; null when absent. */
    public static String key(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has(name)) {
            return name;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (Names.equalsIgnoreCase(member.getKey(), name)) {
                return member.getKey();
            }
        }
        return null;
    }

    public static boolean has(JsonNode node, String name) {
        return get(node, name) != null;
    }

    /** Sets {@code name} (the schema's spelling) to {@code value}, dropping any member spelled with other case. */
    public static void put(ObjectNode node, String name, JsonNode value) {
        remove(node, name);
        node.set(name, value);
    }

    /** Removes every member whose name equals {@code name} ignoring case; returns the last value removed, or null. */
    public static JsonNode remove(ObjectNode node, String name) {
        List<String> keys = new ArrayList<>(1);
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (Names.equalsIgnoreCase(member.getKey(), name)) {
                keys.add(member.getKey());
            }
        }
        JsonNode removed = null;
        for (String key : keys) {
            removed = node.remove(key);
        }
        return removed;
    }
}

package dev.roster.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.schema.JsonFields;

/** Reading SCIM values out of Jackson trees: case-insensitive member names (RFC 7643 §2.1) and "present" (RFC 7644). */
final class JsonValues {

    /** SCIM values nest two levels (attribute, sub-attribute); deeper structure counts as present without a look. */
    private static final int PRESENCE_DEPTH = 8;

    private JsonValues() {
    }

    /** The member {@code name} of an object, matched exactly first and then ignoring case; null when absent. */
    static JsonNode field(JsonNode node, String name) {
        return JsonFields.get(node, name);
    }

    /**
     * RFC 7644 §3.4.2.2 "pr": the attribute has a non-empty value. null, "", [] and {} are empty, and so is an array or
     * object holding only empty values.
     */
    static boolean isPresent(JsonNode node) {
        return isPresent(node, 0);
    }

    private static boolean isPresent(JsonNode node, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (depth >= PRESENCE_DEPTH) {
            return true;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (isPresent(child, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}

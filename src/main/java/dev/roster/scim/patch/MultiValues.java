package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.JsonFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules for the elements of multi-valued attributes (RFC 7643 §2.4). */
final class MultiValues {

    private static final String PRIMARY = "primary";

    private MultiValues() {
    }

    /**
     * RFC 7643 §2.4: "primary" true appears at most once. When an operation marks an element primary, every other element
     * loses the mark; of several marked in one operation, the last wins.
     *
     * @param touched the indexes of the elements the operation wrote, in order
     */
    static void settlePrimary(ArrayNode elements, List<Integer> touched) {
        int keep = -1;
        for (int index : touched) {
            if (isPrimary(elements.get(index))) {
                keep = index;
            }
        }
        if (keep < 0) {
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (i != keep && isPrimary(elements.get(i))) {
                ((ObjectNode) elements.get(i)).put(PRIMARY, false);
            }
        }
    }

    private static boolean isPrimary(JsonNode element) {
        return element.isObject() && BooleanNode.TRUE.equals(element.get(PRIMARY));
    }

    /**
     * Whether an element is worth keeping after its sub-attributes changed: not empty, and, where the attribute has a
     * {@code value} sub-attribute, still holding one ({@code {"type":"work"}} is no email address).
     */
    static boolean isMeaningful(AttributeDef attribute, JsonNode element) {
        if (element == null || element.isEmpty()) {
            return false;
        }
        return !attribute.isComplex() || attribute.subAttribute(AttributeDef.VALUE).isEmpty()
                || JsonFields.has(element, AttributeDef.VALUE);
    }

    /**
     * Whether {@code element} is one a remove's value list names (Entra, Q4/Q9): every sub-attribute the listed value
     * gives is equal in the element, strings compared ignoring case unless case-exact (RFC 7643 §2.2). For simple
     * multi-valued attributes the values themselves are compared.
     */
    static boolean matchesListed(AttributeDef attribute, JsonNode element, JsonNode listed) {
        if (!attribute.isComplex()) {
            return sameValue(attribute, element, listed);
        }
        if (!element.isObject() || !listed.isObject() || listed.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : listed.properties()) {
            AttributeDef sub = attribute.subAttribute(member.getKey()).orElse(null);
            if (sub == null || !sameValue(sub, JsonFields.get(element, member.getKey()), member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(AttributeDef def, JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isTextual() && b.isTextual() && def.type() == AttributeType.STRING && !def.caseExact()) {
            return a.textValue().toLowerCase(Locale.ROOT).equals(b.textValue().toLowerCase(Locale.ROOT));
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}

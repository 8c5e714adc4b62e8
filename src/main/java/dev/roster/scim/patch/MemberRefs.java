package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads member references out of a {@code members} value, RFC 7643 §4.2: {@code [{"value": "id", "type": "User"}, ...]}.
 * Entra sends {@code [{"$ref": null, "value": "id"}]}; {@code $ref} is ignored except to tell the member's type when
 * {@code type} is missing. A single object is read as a list of one; null elements are skipped (Q12).
 */
public final class MemberRefs {

    private MemberRefs() {
    }

    /**
     * @throws ScimException invalidValue when an element is not an object or has no usable {@code value}
     */
    public static List<MemberRef> parse(JsonNode members) {
        List<MemberRef> refs = new ArrayList<>();
        if (members == null || members.isNull() || members.isMissingNode()) {
            return refs;
        }
        Iterable<JsonNode> elements = members.isArray() ? members : List.of(members);
        int index = 0;
        for (JsonNode element : elements) {
            if (!element.isNull()) {
                refs.add(parseOne(element, index));
            }
            index++;
        }
        return refs;
    }

    private static MemberRef parseOne(JsonNode element, int index) {
        String where = "members[" + index + "]";
        if (!element.isObject()) {
            throw ScimException.invalidValue("\"" + where + "\" must be an object such as {\"value\": \"<member id>\"};"
                    + " found " + AttributeValues.describe(element));
        }
        JsonNode value = JsonFields.get(element, "value");
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw ScimException.invalidValue("\"" + where + "\" has no \"value\"; each member needs the id of a user or"
                    + " group, such as {\"value\": \"2819c223-7f76-453a-919d-413861904646\"}");
        }
        return new MemberRef(value.textValue(), type(element, where), text(JsonFields.get(element, "display")));
    }

    private static String type(JsonNode element, String where) {
        String type = text(JsonFields.get(element, "type"));
        if (type != null) {
            if (type.equalsIgnoreCase(MemberRef.USER)) {
                return MemberRef.USER;
            }
            if (type.equalsIgnoreCase(MemberRef.GROUP)) {
                return MemberRef.GROUP;
            }
            throw ScimException.invalidValue("\"" + where + ".type\" must be \"User\" or \"Group\"; found "
                    + AttributeValues.describe(JsonFields.get(element, "type")));
        }
        String ref = text(JsonFields.get(element, "$ref"));
        if (ref != null) {
            String lower = ref.toLowerCase(Locale.ROOT);
            if (lower.contains("/groups/")) {
                return MemberRef.GROUP;
            }
            if (lower.contains("/users/")) {
                return MemberRef.USER;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
    }
}

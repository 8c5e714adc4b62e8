package dev.roster.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The scim_user_value rows of a user document: one per element of each attribute in
 * {@link UserStorage#VALUE_ATTRIBUTES} (emails), so that {@code emails[type eq "work"].value eq "x"} is an
 * index lookup. The write path writes a user's rows in the statement that writes its document ({@link UserStore}),
 * and only when they changed;
 * the filter compiler reads them with the same rules the in-memory evaluator applies to the document:
 * <ul>
 *   <li>member names are matched exactly, then ignoring ASCII case (RFC 7643 §2.1); an attribute holding one object
 *   instead of an array counts as one element; elements that are not objects have no row;</li>
 *   <li>{@code value} and {@code type}: a string, number or boolean as its text; anything else (missing, null, an object,
 *   an array) is absent: value "" and type null;</li>
 *   <li>{@code valueLower}: {@code value.toLowerCase(Locale.ROOT)}, the lower-casing of non-caseExact comparisons;</li>
 *   <li>{@code primary}: true for {@code true} or the string "true" in any case (Entra sends "True"), else false.</li>
 * </ul>
 */
public final class UserValues {

    private UserValues() {
    }

    /** One row: {@code ordinal} is the element's position in the attribute. */
    public record Row(String attribute, int ordinal, String type, String value, String valueLower, boolean primary) {
    }

    /** The rows of {@code document}, attribute by attribute in allow-list order, elements in document order. */
    public static List<Row> extract(JsonNode document) {
        List<Row> rows = new ArrayList<>();
        for (String attribute : UserStorage.VALUE_ATTRIBUTES) {
            JsonNode node = JsonFields.get(document, attribute);
            if (node == null) {
                continue;
            }
            List<JsonNode> elements = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(elements::add);
            } else {
                elements.add(node);
            }
            for (int ordinal = 0; ordinal < elements.size(); ordinal++) {
                JsonNode element = elements.get(ordinal);
                if (!element.isObject()) {
                    continue;
                }
                String value = scalarText(JsonFields.get(element, "value"));
                value = value == null ? "" : value;
                String type = scalarText(JsonFields.get(element, "type"));
                rows.add(new Row(attribute, ordinal, type == null || type.isEmpty() ? null : type, value,
                        value.toLowerCase(Locale.ROOT), isTrue(JsonFields.get(element, "primary"))));
            }
        }
        return List.copyOf(rows);
    }

    /** The rows of {@code document} as entities of {@code userId} in {@code tenantId}, ready to persist. */
    public static List<UserValueEntity> entities(UUID tenantId, UUID userId, JsonNode document) {
        List<UserValueEntity> entities = new ArrayList<>();
        for (Row row : extract(document)) {
            UserValueEntity entity = new UserValueEntity();
            entity.tenantId = tenantId;
            entity.userId = userId;
            entity.attribute = row.attribute();
            entity.ordinal = row.ordinal();
            entity.type = row.type();
            entity.value = row.value();
            entity.valueLower = row.valueLower();
            entity.primary = row.primary();
            entities.add(entity);
        }
        return entities;
    }

    private static String scalarText(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.asText();
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && (node.isBoolean() ? node.booleanValue()
                : node.isTextual() && Names.equalsIgnoreCase(node.textValue(), "true"));
    }
}

package dev.roster.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Extracts the side-table rows (scim_user_value) of a user document: one row per value of each multi-valued attribute
 * that clients filter on, so that {@code emails[type eq "work"].value eq "x"} (Entra's R-10 matching) is an indexed lookup.
 * Attribute names are stored lower-case; {@code value_lower} serves case-insensitive comparison (emails.value is not
 * case-exact, RFC 7643 §4.1.2).
 */
public final class UserValues {

    /** Multi-valued attributes mirrored into the side table. */
    public static final Set<String> INDEXED = Set.of("emails");

    private UserValues() {
    }

    public static List<UserValueEntity> extract(UUID tenantId, UUID userId, ObjectNode document) {
        List<UserValueEntity> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String attribute = field.getKey().toLowerCase(Locale.ROOT);
            if (!INDEXED.contains(attribute) || !field.getValue().isArray()) {
                continue;
            }
            int ordinal = 0;
            for (JsonNode element : field.getValue()) {
                JsonNode value = element.isObject() ? element.get("value") : element;
                if (value == null || !value.isValueNode() || value.isNull()) {
                    continue;
                }
                UserValueEntity row = new UserValueEntity();
                row.tenantId = tenantId;
                row.userId = userId;
                row.attribute = attribute;
                row.ordinal = ordinal++;
                row.type = element.isObject() && element.hasNonNull("type") ? element.get("type").asText() : null;
                row.value = value.asText();
                row.valueLower = row.value.toLowerCase(Locale.ROOT);
                row.primary = element.isObject() && element.path("primary").asBoolean(false);
                rows.add(row);
            }
        }
        return rows;
    }
}

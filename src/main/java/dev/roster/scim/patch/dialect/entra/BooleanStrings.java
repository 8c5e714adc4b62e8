package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Q2 / R-16, R-17: Entra disables and re-enables users with booleans as strings, capitalised.
 * <pre>
 * raw:       {"op":"Replace","path":"active","value":"False"}
 * corrected: {"op":"Replace","path":"active","value":false}
 *
 * raw:       {"op":"replace","value":{"active":"True"}}
 * corrected: {"op":"replace","value":{"active":true}}
 * </pre>
 * RFC 7643 §2.3.2 booleans are JSON literals. Only where the schema says boolean, so a displayName "True" stays a string;
 * the engine's coercion ({@code AttributeValues}) accepts the strings too, for POST bodies and nested values.
 */
final class BooleanStrings implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        JsonNode value = Ops.value(operation);
        if (value == null) {
            return List.of(operation);
        }
        PathExpression path = Ops.path(operation);
        if (path != null) {
            Optional<ResolvedAttribute> target = Ops.resolve(type, path);
            if (target.isPresent() && target.get().target().type() == AttributeType.BOOLEAN
                    && !target.get().target().multiValued()) {
                bool(value).ifPresent(fixed -> JsonFields.put(operation, Ops.VALUE, fixed));
            }
        } else if (Ops.pathText(operation) == null && value.isObject()) {
            ObjectNode members = (ObjectNode) value;
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : members.properties()) {
                keys.add(member.getKey());
            }
            for (String key : keys) {
                boolean isBoolean = type.resolve(type.schema().id(), key, null)
                        .map(resolved -> resolved.attribute().type() == AttributeType.BOOLEAN).orElse(false);
                if (isBoolean) {
                    bool(members.get(key)).ifPresent(fixed -> members.set(key, fixed));
                }
            }
        }
        return List.of(operation);
    }

    private static Optional<JsonNode> bool(JsonNode value) {
        if (value.isTextual() && value.textValue().equalsIgnoreCase("true")) {
            return Optional.of(BooleanNode.TRUE);
        }
        if (value.isTextual() && value.textValue().equalsIgnoreCase("false")) {
            return Optional.of(BooleanNode.FALSE);
        }
        return Optional.empty();
    }
}

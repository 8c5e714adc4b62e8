package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Q7 / R-20: Entra sends app roles as a JSON-encoded string.
 * <pre>
 * raw:       {"op":"Add","path":"roles","value":"[{\"primary\":\"True\",\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"Admin\"}]"}
 * corrected: {"op":"Add","path":"roles","value":[{"primary":"True","type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]}
 * </pre>
 * Only where the target is complex (a string cannot be a complex value, RFC 7643 §2.3.8), the string looks like a JSON
 * array or object and decodes as one; the same for such attributes in a pathless value. Anything else stays a string.
 */
final class StringifiedJson implements Rewrite {

    /** Read-only use after construction: ObjectMapper is thread-safe for reading trees. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        JsonNode value = Ops.value(operation);
        if (value == null) {
            return List.of(operation);
        }
        PathExpression path = Ops.path(operation);
        if (path != null) {
            Optional<ResolvedAttribute> target = Ops.resolve(type, path);
            if (target.isPresent() && isComplexTarget(target.get(), path)) {
                decode(value).ifPresent(decoded -> JsonFields.put(operation, Ops.VALUE, decoded));
            }
        } else if (Ops.pathText(operation) == null && value.isObject()) {
            ObjectNode members = (ObjectNode) value;
            for (String key : keys(members)) {
                boolean complex = type.resolve(type.schema().id(), key, null)
                        .map(resolved -> resolved.attribute().isComplex()).orElse(false);
                if (complex) {
                    decode(members.get(key)).ifPresent(decoded -> members.set(key, decoded));
                }
            }
        }
        return List.of(operation);
    }

    private static List<String> keys(ObjectNode object) {
        List<String> keys = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            keys.add(member.getKey());
        }
        return keys;
    }

    private static boolean isComplexTarget(ResolvedAttribute target, PathExpression path) {
        AttributeDef top = target.attribute();
        return target.subAttribute() == null && top.isComplex() && path.subAttribute() == null;
    }

    private static Optional<JsonNode> decode(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue().strip();
        if (!(text.startsWith("[") && text.endsWith("]") || text.startsWith("{") && text.endsWith("}"))) {
            return Optional.empty();
        }
        try {
            JsonNode decoded = JSON.readTree(text);
            return decoded != null && decoded.isContainerNode() ? Optional.of(decoded) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

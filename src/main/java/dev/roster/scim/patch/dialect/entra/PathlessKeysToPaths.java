package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.PathParser;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.SchemasAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Q5 / R-18: Entra's pathless operations name attributes by path inside the value.
 * <pre>
 * raw:       {"op":"Replace","value":{"displayName":"Babs","name.givenName":"Barbara",
 *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"701984",
 *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager":"26118915"}}
 * corrected: {"op":"Replace","value":{"displayName":"Babs"}},
 *            {"op":"Replace","path":"name.givenName","value":"Barbara"},
 *            {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"701984"},
 *            {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"26118915"}
 * </pre>
 * RFC 7644 §3.5.2.1/§3.5.2.3 want a pathless value's members to be attributes (and extension objects under their URN).
 * A key is split off when it is a path to a registered attribute, or to an attribute of an unregistered extension
 * ({@code urn:acme:2.0:User:badge}); schema URNs, plain names and keys that name nothing stay where they are (the engine
 * ignores unknown members, Q12). Each key names its own attribute, so the split operations keep the request's meaning;
 * the remaining pathless operation comes first.
 */
final class PathlessKeysToPaths implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        JsonNode value = Ops.value(operation);
        String op = Ops.op(operation);
        if (Ops.pathText(operation) != null || value == null || !value.isObject()
                || !("add".equals(op) || "replace".equals(op))) {
            return List.of(operation);
        }
        ObjectNode remaining = operation.objectNode();
        List<ObjectNode> split = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (isAttributePath(member.getKey(), member.getValue(), type)) {
                split.add(Ops.operation(operation, op, member.getKey(), member.getValue()));
            } else {
                remaining.set(member.getKey(), member.getValue());
            }
        }
        if (split.isEmpty()) {
            return List.of(operation);
        }
        List<ObjectNode> result = new ArrayList<>();
        if (!remaining.isEmpty()) {
            ObjectNode kept = operation.deepCopy();
            kept.set(Ops.VALUE, remaining);
            result.add(kept);
        }
        result.addAll(split);
        return result;
    }

    private static boolean isAttributePath(String key, JsonNode value, ResourceType type) {
        if (key.indexOf('.') < 0 && key.indexOf(':') < 0 || type.schema().hasId(key) || type.extension(key).isPresent()
                || value.isObject() && SchemasAttribute.isUnregisteredExtensionKey(type, key)) {
            return false;
        }
        AttrPath path;
        try {
            path = PathParser.parseAttrPath(key);
        } catch (ScimException e) {
            return false;
        }
        if (type.resolve(path.schema(), path.name(), path.subAttribute()).isPresent()) {
            return true;
        }
        return path.hasSchema() && SchemasAttribute.isUnregisteredExtensionKey(type, path.schema())
                && !type.schema().hasId(path.schema() + ":" + path.name())
                && type.extension(path.schema() + ":" + path.name()).isEmpty();
    }
}

package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Q17: older Entra mappings join the extension URN and the attribute with a dot.
 * <pre>
 * raw:       {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department","value":"Sales"}
 * corrected: {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Sales"}
 *
 * raw:       {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.costCenter":"4130"}}
 * corrected: {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter":"4130"}}
 * </pre>
 * RFC 7644 §3.10 separates a URN from its attribute with ":". Only a registered schema's URN followed by "." is rewritten,
 * so {@code urn:...:User:manager.value} (a sub-attribute) stays as it is.
 */
final class LegacyDotPaths implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        String path = Ops.pathText(operation);
        if (path != null) {
            String fixed = fix(path, type);
            if (!fixed.equals(path)) {
                JsonFields.put(operation, Ops.PATH, operation.textNode(fixed));
            }
        }
        JsonNode value = Ops.value(operation);
        if (path == null && value != null && value.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                keys.add(member.getKey());
            }
            ObjectNode renamed = operation.objectNode();
            for (String key : keys) {
                renamed.set(fix(key, type), value.get(key));
            }
            JsonFields.put(operation, Ops.VALUE, renamed);
        }
        return List.of(operation);
    }

    static String fix(String text, ResourceType type) {
        List<Schema> schemas = new ArrayList<>(type.extensions());
        schemas.add(type.schema());
        for (Schema schema : schemas) {
            String id = schema.id();
            if (text.length() > id.length() + 1 && text.charAt(id.length()) == '.'
                    && text.regionMatches(true, 0, id, 0, id.length())) {
                return text.substring(0, id.length()) + ":" + text.substring(id.length() + 1);
            }
        }
        return text;
    }
}

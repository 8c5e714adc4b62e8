package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * R-19 (and Q10's manager removal): Entra clears an attribute by replacing it with "" and then with null, and removes the
 * manager with {@code "value": ""}.
 * <pre>
 * raw:       {"op":"Replace","path":"title","value":""}
 * corrected: {"op":"remove","path":"title"}
 *
 * raw:       {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":null}
 * corrected: {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}
 *
 * raw:       {"op":"Add","path":"emails","value":[]}
 * corrected: (nothing to add: dropped)
 * </pre>
 * RFC 7643 §2.5 treats null and [] as unassigned; Entra reads "" the same way. A replace (or an add to a single-valued
 * attribute, Q3) with such a value becomes a remove, so a required attribute answers with RFC 7644 §3.5.2.2's mutability
 * error; an add of nothing to a multi-valued attribute changes nothing and is dropped.
 */
final class EmptyValueClears implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        String op = Ops.op(operation);
        JsonNode value = Ops.value(operation);
        if (!("add".equals(op) || "replace".equals(op)) || value == null || !isEmpty(value)) {
            return List.of(operation);
        }
        String pathText = Ops.pathText(operation);
        PathExpression path = Ops.path(operation);
        if (path == null) {
            return List.of(operation);
        }
        if ("add".equals(op)) {
            Optional<ResolvedAttribute> target = Ops.resolve(type, path);
            if (target.isEmpty()) {
                return List.of(operation);
            }
            if (target.get().target().multiValued() && path.valueFilter() == null) {
                return List.of();
            }
        }
        return List.of(Ops.operation(operation, "remove", pathText, null));
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || value.isTextual() && value.textValue().isEmpty() || value.isArray() && value.isEmpty();
    }}

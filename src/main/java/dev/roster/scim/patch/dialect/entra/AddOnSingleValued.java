package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Q3: Entra uses Add for every change, including single-valued attributes that already have a value.
 * <pre>
 * raw:       {"op":"Add","path":"title","value":"Tour Guide"}
 * corrected: {"op":"replace","path":"title","value":"Tour Guide"}
 *
 * raw:       {"op":"Add","path":"name.familyName","value":"Jensen"}
 * corrected: {"op":"replace","path":"name.familyName","value":"Jensen"}
 * </pre>
 * RFC 7644 §3.5.2.1 gives add on a single-valued attribute the meaning of replace already; the rewrite says so explicitly.
 * Multi-valued attributes and filtered paths keep add, which appends or creates.
 */
final class AddOnSingleValued implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        PathExpression path = Ops.path(operation);
        if (!Ops.isOp(operation, "add") || path == null || path.valueFilter() != null) {
            return List.of(operation);
        }
        Optional<ResolvedAttribute> target = Ops.resolve(type, path);
        if (target.isPresent() && !target.get().attribute().multiValued()) {
            JsonFields.put(operation, Ops.OP, operation.textNode("replace"));
        }
        return List.of(operation);
    }
}

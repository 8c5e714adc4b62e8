package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResourceType;
import java.util.List;

/**
 * Q1: Entra capitalises the operation name.
 * <pre>
 * raw:       {"op":"Replace","path":"displayName","value":"Babs"}
 * corrected: {"op":"replace","path":"displayName","value":"Babs"}
 * </pre>
 * RFC 7644 §3.5.2 spells them "add", "remove" and "replace"; other names are left for the parser to reject.
 */
final class OpNameCase implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        String op = Ops.op(operation);
        if ("add".equals(op) || "remove".equals(op) || "replace".equals(op)) {
            JsonFields.put(operation, Ops.OP, operation.textNode(op));
        }
        return List.of(operation);
    }
}

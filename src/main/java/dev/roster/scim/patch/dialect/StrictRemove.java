package dev.roster.scim.patch.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.JsonFields;

/**
 * For tenants that chose strict RFC 7644 PATCH: a {@code remove} carries no value (RFC 7644 §3.5.2.2). Read strictly, a
 * remove of {@code members} with a value list removes every member, which is never what a client sending the list
 * means; so such a request is refused with a detail that names the RFC form, rather than guessed at either way.
 */
public final class StrictRemove {

    private StrictRemove() {
    }

    /** @throws ScimException invalidSyntax when a remove operation carries a value */
    public static void check(JsonNode body) {
        JsonNode operations = body == null ? null : JsonFields.get(body, "Operations");
        if (operations == null || !operations.isArray()) {
            return;
        }
        for (JsonNode operation : operations) {
            if (operation.isObject() && Ops.isOp((com.fasterxml.jackson.databind.node.ObjectNode) operation, "remove")
                    && Ops.hasValue((com.fasterxml.jackson.databind.node.ObjectNode) operation)) {
                throw ScimException.invalidSyntax("A remove operation takes no value (RFC 7644 §3.5.2.2) and this"
                        + " application applies PATCH strictly. Name what to remove in the path, for example"
                        + " members[value eq \"<id>\"], or ask the application vendor to turn on patchQuirks.");
            }
        }
    }
}

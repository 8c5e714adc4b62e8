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
 * Q9 / R-19: Entra removes a value and sends the value being removed.
 * <pre>
 * raw:       {"op":"Remove","path":"emails[type eq \"work\"].value","value":"bjensen@example.com"}
 * corrected: {"op":"remove","path":"emails[type eq \"work\"].value"}
 *
 * raw:       {"op":"Remove","path":"title","value":"Tour Guide"}
 * corrected: {"op":"remove","path":"title"}
 * </pre>
 * RFC 7644 §3.5.2.2 defines no value for remove. Where the path already selects one value (a filtered path, or a
 * single-valued attribute) the value says nothing more and is dropped; it is not compared with the stored value, since
 * Entra sends what it last wrote and means "clear it". On a whole multi-valued attribute the value selects what to remove
 * ({@link RemoveListedValues}).
 */
final class RemoveWithValue implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        PathExpression path = Ops.path(operation);
        if (!Ops.isOp(operation, "remove") || path == null || Ops.value(operation) == null) {
            return List.of(operation);
        }
        Optional<ResolvedAttribute> target = Ops.resolve(type, path);
        boolean singleValue = path.valueFilter() != null
                || target.isPresent() && (!target.get().attribute().multiValued() || target.get().subAttribute() != null);
        if (singleValue) {
            JsonFields.remove(operation, Ops.VALUE);
        }
        return List.of(operation);
    }

    /** RFC 7644 gives this request another meaning; a tenant may turn this rewrite off. */
    @Override
    public boolean changesRfcMeaning() {
        return true;
    }
}

package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.FilterPrinter;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Q10 / R-15: Entra sets the enterprise manager in three shapes and names it with or without its URN.
 * <pre>
 * raw:       {"op":"Add","path":"manager","value":[{"$ref":null,"value":"26118915"}]}
 * corrected: {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":"26118915"}}
 *
 * raw:       {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"26118915"}
 * corrected: {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":"26118915"}}
 *
 * raw:       {"op":"remove","path":"manager[value eq \"26118915\"]"}
 * corrected: {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"26118915\"]"}
 * </pre>
 * RFC 7643 §4.3 makes the manager a complex attribute of the enterprise extension, so its value is an object and an
 * unqualified name belongs to the core schema (RFC 7644 §3.10). {@code $ref} is dropped: Roster derives it from the id.
 * Clearing ({@code "value": ""}) is {@link EmptyValueClears}'s; a shape that cannot be read is left for the engine to
 * report.
 */
final class ManagerShapes implements Rewrite {

    private static final String MANAGER = "manager";

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        PathExpression path = Ops.path(operation);
        if (path == null || path.subAttribute() != null || path.attribute().hasSubAttribute()) {
            return List.of(operation);
        }
        Optional<ResolvedAttribute> target = Ops.resolve(type, path);
        if (target.isEmpty() || !isManager(target.get())) {
            return List.of(operation);
        }
        AttrPath qualified = AttrPath.qualified(CoreSchemas.ENTERPRISE_USER_ID, target.get().attribute().name(), null);
        JsonFields.put(operation, Ops.PATH, operation.textNode(
                FilterPrinter.print(new PathExpression(qualified, path.valueFilter(), null))));
        JsonNode value = Ops.value(operation);
        if (path.valueFilter() == null && value != null && !AttributeValues.isUnassigned(value)) {
            try {
                JsonNode normalised = AttributeValues.coerceSingle(target.get().attribute(), value, MANAGER);
                if (normalised != null) {
                    JsonFields.put(operation, Ops.VALUE, normalised);
                }
            } catch (ScimException e) {
                // left as sent: the engine reports it with the operation's context
            }
        }
        return List.of(operation);
    }

    private static boolean isManager(ResolvedAttribute resolved) {
        return resolved.extension() && resolved.schemaId().equalsIgnoreCase(CoreSchemas.ENTERPRISE_USER_ID)
                && resolved.attribute().name().equals(MANAGER) && resolved.subAttribute() == null;
    }
}

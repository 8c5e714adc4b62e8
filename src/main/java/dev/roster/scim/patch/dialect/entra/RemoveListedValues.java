package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Ops;
import dev.roster.scim.patch.dialect.Rewrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterPrinter;
import dev.roster.scim.filter.FilterValue;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Q4 / R-35: Entra removes group members by listing them in the value of a remove on {@code members}.
 * <pre>
 * raw:       {"op":"Remove","path":"members","value":[{"value":"2819c223"},{"value":"902c246b"}]}
 * corrected: {"op":"remove","path":"members[value eq \"2819c223\" or value eq \"902c246b\"]"}
 * </pre>
 * Read as RFC 7644 §3.5.2.2 alone ("no filter: all values are removed"), the raw request would empty the group; Entra
 * means only the listed members. The corrected form is RFC 7644's own way to say that. The same holds for any multi-valued
 * complex attribute: {@code emails} with {@code [{"value":"a@x","type":"work"}]} becomes
 * {@code emails[value eq "a@x" and type eq "work"]}. Members are named by {@code value} alone (their other sub-attributes
 * are immutable echoes). An element that names nothing (no usable sub-attribute) leaves the operation as sent: the
 * engine also removes only listed values, and reports a member without a value.
 */
final class RemoveListedValues implements Rewrite {

    @Override
    public List<ObjectNode> rewrite(ObjectNode operation, ResourceType type) {
        PathExpression path = Ops.path(operation);
        JsonNode value = Ops.value(operation);
        if (!Ops.isOp(operation, "remove") || path == null || path.valueFilter() != null
                || path.attribute().hasSubAttribute() || value == null || value.isNull()) {
            return List.of(operation);
        }
        Optional<ResolvedAttribute> target = Ops.resolve(type, path);
        if (target.isEmpty() || !target.get().attribute().multiValued() || !target.get().attribute().isComplex()) {
            return List.of(operation);
        }
        Filter filter = filter(target.get().attribute(), value, isMembers(target.get()));
        if (filter == null) {
            return List.of(operation);
        }
        AttrPath attribute = path.attribute();
        String rewritten = FilterPrinter.print(new PathExpression(attribute, filter, null));
        return List.of(Ops.operation(operation, "remove", rewritten, null));
    }

    /** The filter selecting the listed elements, or null when some element names nothing or none is listed. */
    private static Filter filter(AttributeDef attribute, JsonNode value, boolean members) {
        List<Filter> alternatives = new ArrayList<>();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            if (element.isNull()) {
                continue;
            }
            Filter one = element.isObject() ? element(attribute, element, members) : null;
            if (one == null) {
                return null;
            }
            alternatives.add(one);
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Filter.Or(alternatives);
    }

    private static Filter element(AttributeDef attribute, JsonNode element, boolean members) {
        List<Filter> terms = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : element.properties()) {
            AttributeDef sub = attribute.subAttribute(member.getKey()).orElse(null);
            if (sub == null || members && !sub.name().equals(AttributeDef.VALUE)
                    || sub.mutability() == Mutability.READ_ONLY || AttributeValues.isDerivedReference(sub)) {
                continue;
            }
            FilterValue literal = literal(sub, member.getValue());
            if (literal != null) {
                terms.add(new Filter.Compare(AttrPath.of(sub.name()), CompareOp.EQ, literal));
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
    }

    private static FilterValue literal(AttributeDef sub, JsonNode raw) {
        JsonNode value;
        try {
            value = AttributeValues.coerceSimple(sub, raw, sub.name());
        } catch (ScimException e) {
            return null;
        }
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return FilterValue.of(value.booleanValue());
        }
        if (value.isNumber()) {
            return FilterValue.of(value.decimalValue());
        }
        return value.isTextual() ? FilterValue.of(value.textValue()) : null;
    }

    private static boolean isMembers(ResolvedAttribute target) {
        return !target.extension() && target.schemaId().equalsIgnoreCase(CoreSchemas.GROUP_ID)
                && target.attribute().name().equals("members");
    }

    /** RFC 7644 gives this request another meaning; a tenant may turn this rewrite off. */
    @Override
    public boolean changesRfcMeaning() {
        return true;
    }
}

package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterValue;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.Mutability;
import java.util.Optional;

/**
 * The element a value filter describes, for Entra's add/replace on a filtered path that matches nothing (Q8, R-14).
 * RFC 7644 §3.5.2.3 answers such a replace with noTarget; Entra instead expects the element to be created:
 * <pre>
 * raw (Entra), user without a work email:
 *   {"op":"replace","path":"emails[type eq \"work\"].value","value":"bjensen@example.com"}
 * applied as:
 *   {"op":"add","path":"emails","value":[{"type":"work","value":"bjensen@example.com"}]}
 * </pre>
 * Only a filter that pins the element down can seed it: {@code eq} comparisons of sub-attributes, joined by {@code and}
 * ({@code emails[type eq "work" and primary eq true]}). Any other filter ({@code or}, {@code ne}, {@code co}, {@code pr},
 * {@code not}) describes no single element, and the engine answers noTarget as RFC 7644 says.
 */
final class FilterSeed {

    private FilterSeed() {
    }

    /** The seed element, or empty when the filter does not describe one. */
    static Optional<ObjectNode> of(AttributeDef attribute, Filter filter) {
        ObjectNode seed = JsonNodeFactory.instance.objectNode();
        return collect(attribute, filter, seed) ? Optional.of(seed) : Optional.empty();
    }

    private static boolean collect(AttributeDef attribute, Filter filter, ObjectNode seed) {
        return switch (filter) {
            case Filter.And and -> and.operands().stream().allMatch(operand -> collect(attribute, operand, seed));
            case Filter.Compare compare when compare.op() == CompareOp.EQ && compare.path().isSimpleName() ->
                    seedOne(attribute, compare, seed);
            default -> false;
        };
    }

    private static boolean seedOne(AttributeDef attribute, Filter.Compare compare, ObjectNode seed) {
        AttributeDef sub = attribute.subAttribute(compare.path().name()).orElse(null);
        if (sub == null || sub.mutability() == Mutability.READ_ONLY) {
            return false;
        }
        JsonNode value = AttributeValues.coerceSimple(sub, json(compare.value()), attribute.name() + "." + sub.name());
        if (value == null) {
            return false;
        }
        JsonNode earlier = seed.get(sub.name());
        if (earlier != null && !earlier.equals(value)) {
            return false; // type eq "work" and type eq "home": no element satisfies both
        }
        seed.set(sub.name(), value);
        return true;
    }

    private static JsonNode json(FilterValue value) {
        return switch (value) {
            case FilterValue.StringValue string -> TextNode.valueOf(string.value());
            case FilterValue.BooleanValue bool -> BooleanNode.valueOf(bool.value());
            case FilterValue.NumberValue number -> DecimalNode.valueOf(number.value());
            case FilterValue.NullValue ignored -> null;
        };
    }
}

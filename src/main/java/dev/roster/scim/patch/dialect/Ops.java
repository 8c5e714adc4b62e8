package dev.roster.scim.patch.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.patch.PatchPath;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.Locale;
import java.util.Optional;

/** Reading and writing the members of one raw operation, tolerantly: nothing here throws. */
public final class Ops {

    public static final String OP = "op";
    public static final String PATH = "path";
    public static final String VALUE = "value";

    private Ops() {
    }

    /** The op name lower-cased, or null when it is missing or not a string. */
    public static String op(ObjectNode operation) {
        JsonNode op = JsonFields.get(operation, OP);
        return op != null && op.isTextual() ? op.textValue().toLowerCase(Locale.ROOT) : null;
    }

    public static boolean isOp(ObjectNode operation, String name) {
        return name.equals(op(operation));
    }

    public static String pathText(ObjectNode operation) {
        JsonNode path = JsonFields.get(operation, PATH);
        return path != null && path.isTextual() ? path.textValue() : null;
    }

    /** The parsed path, or null when there is none or it does not parse (the parser will say why). */
    public static PathExpression path(ObjectNode operation) {
        String text = pathText(operation);
        if (text == null) {
            return null;
        }
        try {
            return PatchPath.parse(text).expression();
        } catch (ScimException e) {
            return null;
        }
    }

    /** The value member, or null when absent (a NullNode when the client sent null). */
    public static JsonNode value(ObjectNode operation) {
        return JsonFields.get(operation, VALUE);
    }

    public static boolean hasValue(ObjectNode operation) {
        JsonNode value = value(operation);
        return value != null && !value.isNull();
    }

    /** The registered attribute a path names, ignoring any value filter; a trailing sub-attribute is resolved too. */
    public static Optional<ResolvedAttribute> resolve(ResourceType type, PathExpression path) {
        AttrPath attribute = path.attribute();
        Optional<ResolvedAttribute> resolved =
                type.resolve(attribute.schema(), attribute.name(), attribute.subAttribute());
        if (resolved.isEmpty() || path.subAttribute() == null) {
            return resolved;
        }
        AttributeDef top = resolved.get().attribute();
        return top.subAttribute(path.subAttribute())
                .map(sub -> new ResolvedAttribute(resolved.get().schemaId(), resolved.get().extension(), top, sub));
    }

    /** A new operation object. */
    public static ObjectNode operation(ObjectNode like, String op, String path, JsonNode value) {
        ObjectNode created = like.objectNode().put(OP, op);
        if (path != null) {
            created.put(PATH, path);
        }
        if (value != null) {
            created.set(VALUE, value);
        }
        return created;
    }
}

package dev.roster.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a tenant's custom extension schema (RFC 7643 §7 shape) from JSON, bounded and validated, so that a bad definition
 * is refused at the admin API and never reaches the SCIM surface. Example: Blink's
 * {@code urn:ietf:params:scim:schemas:extension:blink:2.0:User} with company, description and location.
 */
public final class ExtensionSchemaReader {

    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_SUB_ATTRIBUTES = 20;
    static final int MAX_CANONICAL_VALUES = 50;
    static final int MAX_TEXT = 1000;
    /** RFC 7643 §2.1 ATTRNAME. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
    private static final Pattern URN = Pattern.compile("(?i)urn:[a-z0-9][a-z0-9-]{0,31}:[A-Za-z0-9()+,\\-.:=@;$_!*'%/?#]+");

    private ExtensionSchemaReader() {
    }

    public static Schema read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new SchemaDefinitionException("The schema must be a JSON object with id, name and attributes.");
        }
        String id = text(json, "id", true);
        if (!URN.matcher(id).matches() || id.length() > 200) {
            throw new SchemaDefinitionException("'id' must be a URN such as"
                    + " urn:ietf:params:scim:schemas:extension:acme:2.0:User; got '" + id + "'.");
        }
        if (SchemaRegistry.standard().schema(id).isPresent()) {
            throw new SchemaDefinitionException("'" + id + "' is a standard schema and cannot be redefined.");
        }
        String name = json.hasNonNull("name") ? text(json, "name", true) : id.substring(id.lastIndexOf(':') + 1);
        String description = json.hasNonNull("description") ? text(json, "description", false) : "";
        List<AttributeDef> attributes = list(json.get("attributes"), "attributes", MAX_ATTRIBUTES,
                node -> attribute(node, true));
        if (attributes.isEmpty()) {
            throw new SchemaDefinitionException("'attributes' must list at least one attribute.");
        }
        return new Schema(id, name, description, attributes);
    }

    private static AttributeDef attribute(JsonNode node, boolean topLevel) {
        if (!node.isObject()) {
            throw new SchemaDefinitionException("Each attribute must be an object with name and type.");
        }
        String name = text(node, "name", true);
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw new SchemaDefinitionException("'" + name + "' is not a valid attribute name (RFC 7643 §2.1: a letter,"
                    + " then letters, digits, '-' or '_').");
        }
        String typeName = node.hasNonNull("type") ? text(node, "type", true) : "string";
        AttributeType type = AttributeType.fromWireName(typeName).orElseThrow(() -> new SchemaDefinitionException(
                "Attribute '" + name + "' has unknown type '" + typeName + "'; use string, boolean, decimal, integer,"
                        + " dateTime, binary, reference or complex."));
        if (type == AttributeType.COMPLEX && !topLevel) {
            throw new SchemaDefinitionException("Sub-attribute '" + name + "' cannot be complex (RFC 7643 §2.4).");
        }
        AttributeDef def = AttributeDef.of(name, type)
                .multiValued(bool(node, "multiValued"))
                .required(bool(node, "required"))
                .caseExact(bool(node, "caseExact"))
                .mutability(wire(node, "mutability", Mutability.values(), Mutability::wireName, Mutability.READ_WRITE))
                .returned(wire(node, "returned", Returned.values(), Returned::wireName, Returned.DEFAULT))
                .uniqueness(wire(node, "uniqueness", Uniqueness.values(), Uniqueness::wireName, Uniqueness.NONE));
        if (node.hasNonNull("description")) {
            def = def.description(text(node, "description", false));
        }
        if (node.has("canonicalValues")) {
            def = def.canonicalValues(list(node.get("canonicalValues"), "canonicalValues", MAX_CANONICAL_VALUES,
                    value -> {
                        if (!value.isTextual()) {
                            throw new SchemaDefinitionException("canonicalValues of '" + name + "' must be strings.");
                        }
                        return value.asText();
                    }).toArray(String[]::new));
        }
        if (type == AttributeType.REFERENCE && node.has("referenceTypes")) {
            def = def.referenceTypes(list(node.get("referenceTypes"), "referenceTypes", MAX_CANONICAL_VALUES,
                    JsonNode::asText).toArray(String[]::new));
        }
        if (type == AttributeType.COMPLEX) {
            List<AttributeDef> subs = list(node.get("subAttributes"), "subAttributes", MAX_SUB_ATTRIBUTES,
                    sub -> attribute(sub, false));
            if (subs.isEmpty()) {
                throw new SchemaDefinitionException("Complex attribute '" + name + "' needs subAttributes.");
            }
            def = def.subAttributes(subs.toArray(AttributeDef[]::new));
        } else if (node.has("subAttributes")) {
            throw new SchemaDefinitionException("Only complex attributes have subAttributes ('" + name + "' is "
                    + type.wireName() + ").");
        }
        return def;
    }

    private static <T> List<T> list(JsonNode node, String field, int max, Function<JsonNode, T> reader) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > max) {
            throw new SchemaDefinitionException("'" + field + "' must be an array of at most " + max + " entries.");
        }
        List<T> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode element : node) {
            T value = reader.apply(element);
            if (value instanceof AttributeDef def && !names.add(def.name().toLowerCase(Locale.ROOT))) {
                throw new SchemaDefinitionException("Attribute '" + def.name() + "' is defined twice.");
            }
            out.add(value);
        }
        return out;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new SchemaDefinitionException("'" + field + "' is required.");
            }
            return "";
        }
        if (!value.isTextual() || value.asText().length() > MAX_TEXT || (required && value.asText().isBlank())) {
            throw new SchemaDefinitionException("'" + field + "' must be a non-empty string of at most " + MAX_TEXT
                    + " characters.");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new SchemaDefinitionException("'" + field + "' must be true or false.");
        }
        return value.booleanValue();
    }

    private static <E> E wire(JsonNode node, String field, E[] values, Function<E, String> wireName, E fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        for (E candidate : values) {
            if (wireName.apply(candidate).equalsIgnoreCase(value.asText())) {
                return candidate;
            }
        }
        throw new SchemaDefinitionException("'" + field + "' has unknown value '" + value.asText() + "'.");
    }
}

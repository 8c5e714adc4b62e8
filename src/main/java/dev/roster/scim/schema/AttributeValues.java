package dev.roster.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.roster.scim.error.ScimException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks and coerces client values against an {@link AttributeDef}, for POST, PUT and PATCH alike. The result is a new tree
 * (the input is never changed) in the schema's spelling, or {@code null} when the value leaves the attribute unassigned.
 *
 * <ul>
 *   <li>Unassigned: null, {@code ""}, {@code []} and {@code {}} (RFC 7643 §2.5 names null and the empty array; Entra clears an
 *   attribute by sending {@code ""}, R-19).</li>
 *   <li>Strings are kept exactly as received, never trimmed or re-cased (README, "SCIM"). A number or boolean sent for
 *   a string attribute is kept as its JSON text, so a numeric employeeNumber is not refused.</li>
 *   <li>Booleans also as the strings {@code "True"}/{@code "False"} in any case (Entra, Q2); integers and decimals also as
 *   numeric strings; dateTimes must be xsd:dateTime strings (RFC 7643 §2.3.5). Anything else is an invalidValue that names
 *   the attribute.</li>
 *   <li>Complex values: sub-attribute names match case-insensitively; unknown sub-attributes and read-only ones are ignored
 *   (RFC 7644 §3.5.1, Entra Q12), and so is a {@code $ref} that points at a User or Group: Roster derives it from
 *   {@code value} when it answers, in the URL form of each request (docs/entra.md, "Every response").</li>
 *   <li>A single-valued complex attribute with a {@code value} sub-attribute also takes the bare value or a one-element
 *   array: Entra sends the manager as {@code "id"} and as {@code [{"$ref":null,"value":"id"}]} (Q10); both store
 *   {@code {"value":"id"}}.</li>
 *   <li>Multi-valued: an array (a single element is taken as an array of one); null and empty elements are dropped, exact
 *   duplicates kept once, and at most one element may be {@code "primary": true} (RFC 7643 §2.4).</li>
 * </ul>
 */
public final class AttributeValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int EXCERPT = 40;
    /** No SCIM integer needs more digits; the bound keeps BigInteger parsing cheap. */
    private static final int MAX_NUMBER_TEXT = 100;

    private AttributeValues() {
    }

    /** Whether {@code value} leaves an attribute unassigned: absent, null, "", [] or {}. */
    public static boolean isUnassigned(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.textValue().isEmpty())
                || (value.isContainerNode() && value.isEmpty());
    }

    /**
     * The whole value of {@code def}: an array for a multi-valued attribute, otherwise one value.
     *
     * @param where the attribute as the client named it, for error details
     * @return the coerced value, or null when unassigned
     */
    public static JsonNode coerce(AttributeDef def, JsonNode value, String where) {
        return def.multiValued() ? coerceMultiValued(def, value, where) : coerceSingle(def, value, where);
    }

    /** The elements of a multi-valued attribute, or null when none remain. */
    public static ArrayNode coerceMultiValued(AttributeDef def, JsonNode value, String where) {
        if (isUnassigned(value)) {
            return null;
        }
        ArrayNode out = JSON.arrayNode();
        Set<JsonNode> seen = new HashSet<>();
        Iterable<JsonNode> items = value.isArray() ? value : java.util.List.of(value);
        for (JsonNode item : items) {
            if (item.isArray()) {
                throw ScimException.invalidValue(quote(where) + " holds an array inside its array; send one array of "
                        + (def.isComplex() ? "objects" : "values"));
            }
            JsonNode element = coerceSingle(def, item, where);
            if (element != null && seen.add(element)) {
                out.add(element);
            }
        }
        requireOnePrimaryAtMost(def, out, where);
        return out.isEmpty() ? null : out;
    }

    /** One value: the value of a single-valued attribute or one element of a multi-valued one; null when unassigned. */
    public static JsonNode coerceSingle(AttributeDef def, JsonNode value, String where) {
        if (isUnassigned(value)) {
            return null;
        }
        return def.isComplex() ? coerceComplex(def, value, where) : coerceSimple(def, value, where);
    }

    /**
     * The sub-attributes of a complex value for a merge (RFC 7644 §3.5.2.1 and §3.5.2.3: sub-attributes not named are left
     * unchanged). A sub-attribute sent as null or "" maps to {@link NullNode}, which tells the caller to clear it.
     */
    public static ObjectNode coerceSubAttributes(AttributeDef def, JsonNode value, String where) {
        JsonNode object = asObject(def, value, where);
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            AttributeDef sub = def.subAttribute(member.getKey()).orElse(null);
            if (sub == null || sub.mutability() == Mutability.READ_ONLY || isDerivedReference(sub)) {
                continue;
            }
            JsonNode coerced = coerceSimple(sub, member.getValue(), where + "." + sub.name());
            JsonFields.put(out, sub.name(), coerced == null ? NullNode.getInstance() : coerced);
        }
        return out;
    }

    /** A value of a non-complex attribute or sub-attribute, or null when unassigned. */
    public static JsonNode coerceSimple(AttributeDef def, JsonNode value, String where) {
        if (isUnassigned(value)) {
            return null;
        }
        if (def.isComplex()) {
            return coerceComplex(def, value, where);
        }
        return switch (def.type()) {
            case STRING -> {
                // A JSON number or boolean is not a string (RFC 7643 §2.3.1), and no IdP Roster knows sends one for a
                // string attribute (Entra sends strings, even "701984" for employeeNumber): it is a 400, not a guess.
                if (value.isTextual()) {
                    yield value;
                }
                throw mismatch(where, "a string", value);
            }
            case REFERENCE -> {
                if (value.isTextual()) {
                    yield value;
                }
                throw mismatch(where, "a URI string", value);
            }
            case BINARY -> {
                // RFC 7643 §2.3.6: base64 (RFC 4648 §4), padded; "-12.1" is no binary value.
                if (value.isTextual() && isBase64(value.textValue())) {
                    yield value;
                }
                throw mismatch(where, "a base64 string (RFC 4648), such as \"aGVsbG8=\"", value);
            }
            case BOOLEAN -> bool(value, where);
            case INTEGER -> integer(value, where);
            case DECIMAL -> decimal(value, where);
            case DATE_TIME -> {
                if (value.isTextual() && DateTimeText.isDateTime(value.textValue())) {
                    yield value;
                }
                throw mismatch(where, "an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"", value);
            }
            case COMPLEX -> throw new IllegalStateException("complex handled above");
        };
    }

    private static final java.util.regex.Pattern BASE64 = java.util.regex.Pattern.compile(
            "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    static boolean isBase64(String text) {
        return BASE64.matcher(text).matches();
    }

    /**
     * Whether a sub-attribute is a {@code $ref} to a User or Group, which Roster derives from {@code value} rather than
     * store: the base URL differs with the URL form of each request (docs/entra.md, "Every response"), so a stored one
     * would go stale.
     */
    public static boolean isDerivedReference(AttributeDef sub) {
        if (!sub.name().equals("$ref") || sub.type() != AttributeType.REFERENCE) {
            return false;
        }
        for (String referenceType : sub.referenceTypes()) {
            if (referenceType.equalsIgnoreCase("User") || referenceType.equalsIgnoreCase("Group")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode coerceComplex(AttributeDef def, JsonNode value, String where) {
        ObjectNode subs = coerceSubAttributes(def, value, where);
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> member : subs.properties()) {
            if (!member.getValue().isNull()) {
                out.set(member.getKey(), member.getValue());
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** The object form of a complex value; a bare scalar stands for its {@code value} sub-attribute (Q10). */
    private static JsonNode asObject(AttributeDef def, JsonNode value, String where) {
        if (value.isObject()) {
            return value;
        }
        if (value.isArray() && !def.multiValued()) {
            // Entra's manager as [{"$ref":null,"value":"id"}] (Q10): one element stands for the value itself.
            if (value.size() != 1) {
                throw ScimException.invalidValue(quote(where) + " is single-valued; send one object, not an array of "
                        + value.size());
            }
            return asObject(def, value.get(0), where);
        }
        if (value.isValueNode() && def.subAttribute(AttributeDef.VALUE).isPresent()) {
            return JSON.objectNode().set(AttributeDef.VALUE, value);
        }
        String example = def.subAttributes().isEmpty() ? "value" : def.subAttributes().get(0).name();
        throw mismatch(where, "an object such as {\"" + example + "\": ...}", value);
    }

    private static JsonNode bool(JsonNode value, String where) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.equalsIgnoreCase("true")) {
                return BooleanNode.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return BooleanNode.FALSE;
            }
        }
        throw mismatch(where, "true or false", value);
    }

    private static JsonNode integer(JsonNode value, String where) {
        if (value.isIntegralNumber()) {
            return value;
        }
        BigDecimal number = numberOf(value);
        if (number != null) {
            try {
                BigInteger exact = number.toBigIntegerExact();
                if (exact.bitLength() < 32) {
                    return JSON.numberNode(exact.intValue());
                }
                return exact.bitLength() < 64 ? JSON.numberNode(exact.longValue()) : JSON.numberNode(exact);
            } catch (ArithmeticException e) {
                // not whole: fall through to the error
            }
        }
        throw mismatch(where, "an integer", value);
    }

    private static JsonNode decimal(JsonNode value, String where) {
        if (value.isNumber()) {
            return value;
        }
        BigDecimal number = numberOf(value);
        if (number == null) {
            throw mismatch(where, "a number", value);
        }
        return JSON.numberNode(number);
    }

    private static BigDecimal numberOf(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isTextual() || value.textValue().length() > MAX_NUMBER_TEXT) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.textValue().strip());
            // Exponents beyond a few hundred are no SCIM value and make toBigIntegerExact costly.
            return Math.abs(number.scale()) > 1_000 ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void requireOnePrimaryAtMost(AttributeDef def, ArrayNode elements, String where) {
        int primaries = 0;
        for (JsonNode element : elements) {
            if (element.isObject() && element.path("primary").asBoolean(false) && element.get("primary").isBoolean()) {
                primaries++;
            }
        }
        if (primaries > 1 && def.isComplex()) {
            throw ScimException.invalidValue(quote(where) + " has " + primaries + " values marked \"primary\": true;"
                    + " at most one may be primary (RFC 7643 §2.4)");
        }
    }

    private static ScimException mismatch(String where, String expected, JsonNode found) {
        return ScimException.invalidValue(quote(where) + " must be " + expected + "; found " + describe(found));
    }

    /**
     * Whether two values are the same SCIM value: both unassigned, or equal with numbers compared by value, so that
     * {@code 1.5} read from storage equals {@code "1.5"} coerced from a request (RFC 7643 §2.3.3 compares decimals by value).
     */
    public static boolean equivalent(JsonNode a, JsonNode b) {
        if (isUnassigned(a) || isUnassigned(b)) {
            return isUnassigned(a) && isUnassigned(b);
        }
        return a.equals(AttributeValues::compareScalars, b);
    }

    private static int compareScalars(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    }

    /** A short description of a client value for an error detail. */
    public static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return "\"" + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text) + "\"";
        }
        return value.asText().toLowerCase(Locale.ROOT);
    }

    private static String quote(String where) {
        return "\"" + where + "\"";
    }
}

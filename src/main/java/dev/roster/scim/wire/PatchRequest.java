package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.patch.PatchOp;
import dev.roster.scim.patch.PatchPath;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * A PATCH request body, RFC 7644 §3.5.2:
 * {@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op", "path", "value"}, ...]}}.
 *
 * <p>Decisions where RFC 7644 and Entra leave room:
 * <ul>
 *   <li>{@code schemas} may be missing: Entra always sends it, other clients sometimes omit it, and {@code Operations}
 *   identifies the message unambiguously. When present it must list the PatchOp URN: a body listing only, say, the User
 *   schema is a PUT body sent to PATCH, and applying it would be a guess.</li>
 *   <li>Member names ({@code Operations}, {@code op}, {@code path}, {@code value}) match case-insensitively (RFC 7643
 *   §2.1); the values of {@code op} must be {@code add}, {@code remove} or {@code replace} as RFC 7644 spells them.
 *   Entra's {@code "Add"}/{@code "Replace"}/{@code "Remove"} (Q1) are lower-cased by the Entra dialect, which
 *   {@code dialect.installed.InstalledDialects} applies before this parser.</li>
 *   <li>At most {@value #MAX_OPERATIONS} operations per request, each value within {@link JsonBounds}.</li>
 * </ul>
 *
 * @param operations the operations, in request order; never empty
 */
public record PatchRequest(List<PatchOp> operations) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final int MAX_OPERATIONS = 1000;

    public PatchRequest {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a PATCH request has at least one operation");
        }
    }

    /**
     * Parses a body in RFC 7644 form.
     *
     * @throws ScimException invalidSyntax for a malformed body, invalidValue for an empty or oversized one, invalidPath or
     *                       invalidFilter for a malformed path, noTarget for a remove without a path
     */
    public static PatchRequest parse(JsonNode body) {
        checkBounds(body);
        checkSchemas(body);
        JsonNode operations = operations(body);
        if (operations.isEmpty()) {
            throw ScimException.invalidValue("\"Operations\" is empty; send at least one operation such as"
                    + " {\"op\": \"replace\", \"path\": \"active\", \"value\": false}");
        }
        List<PatchOp> parsed = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            parsed.add(operation(operations.get(i), "Operations[" + i + "]"));
        }
        return new PatchRequest(parsed);
    }

    /**
     * The size limits, checked before anything walks the body: the number of operations and each value. Paths are bounded
     * by {@link PatchPath#OPTIONS} when parsed (the dialect may write long ones, Q4). Structure errors are left to
     * {@link #parse}.
     */
    public static void checkBounds(JsonNode body) {
        JsonNode operations = body != null && body.isObject() ? JsonFields.get(body, "Operations") : null;
        if (operations == null || !operations.isArray()) {
            return;
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimException.invalidValue("the request has " + operations.size() + " operations; send at most "
                    + MAX_OPERATIONS + " per PATCH and the rest in further requests");
        }
        for (int i = 0; i < operations.size(); i++) {
            JsonNode value = JsonFields.get(operations.get(i), "value");
            if (value != null) {
                JsonBounds.check(value, "Operations[" + i + "].value");
            }
        }
    }

    private static void checkSchemas(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("the PATCH body must be a JSON object such as {\"schemas\": [\"" + SCHEMA
                    + "\"], \"Operations\": [...]}");
        }
        JsonNode schemas = JsonFields.get(body, "schemas");
        if (schemas == null || schemas.isNull()) {
            return;
        }
        if (schemas.isArray()) {
            for (JsonNode schema : schemas) {
                if (schema.isTextual() && schema.textValue().equalsIgnoreCase(SCHEMA)) {
                    return;
                }
            }
        }
        throw ScimException.invalidSyntax("\"schemas\" must be [\"" + SCHEMA + "\"] in a PATCH request; found "
                + AttributeValues.describe(schemas));
    }

    private static JsonNode operations(JsonNode body) {
        JsonNode operations = JsonFields.get(body, "Operations");
        if (operations == null || operations.isNull()) {
            throw ScimException.invalidSyntax("the PATCH body has no \"Operations\"; send an array such as"
                    + " \"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]");
        }
        if (!operations.isArray()) {
            throw ScimException.invalidSyntax("\"Operations\" must be an array of operations; found "
                    + AttributeValues.describe(operations));
        }
        return operations;
    }

    private static PatchOp operation(JsonNode node, String where) {
        if (!node.isObject()) {
            throw ScimException.invalidSyntax(where + " must be an object such as {\"op\": \"replace\", \"path\":"
                    + " \"active\", \"value\": false}; found " + AttributeValues.describe(node));
        }
        JsonNode op = JsonFields.get(node, "op");
        if (op == null || !op.isTextual()) {
            throw ScimException.invalidSyntax(where + " has no \"op\"; use \"add\", \"remove\" or \"replace\"");
        }
        PatchPath path = path(JsonFields.get(node, "path"), where);
        JsonNode value = JsonFields.get(node, "value");
        return switch (op.textValue()) {
            case "add" -> new PatchOp.Add(path, requireValue(value, where, "add"));
            case "replace" -> new PatchOp.Replace(path, requireValue(value, where, "replace"));
            case "remove" -> {
                if (path == null) {
                    throw ScimException.noTarget(where + " is a remove without a \"path\"; name the attribute to"
                            + " remove, such as \"path\": \"title\" (RFC 7644 §3.5.2.2)");
                }
                yield new PatchOp.Remove(path, value);
            }
            default -> throw ScimException.invalidSyntax(where + ".op is " + AttributeValues.describe(op)
                    + "; use \"add\", \"remove\" or \"replace\"");
        };
    }

    private static PatchPath path(JsonNode path, String where) {
        if (path == null || path.isNull()) {
            return null;
        }
        if (!path.isTextual()) {
            throw ScimException.invalidPath(where + ".path must be a string such as \"name.familyName\"; found "
                    + AttributeValues.describe(path));
        }
        try {
            return PatchPath.parse(path.textValue());
        } catch (ScimException e) {
            throw new ScimException(e.status(), e.scimType(), where + ".path " + e.detail());
        }
    }

    private static JsonNode requireValue(JsonNode value, String where, String op) {
        if (value == null) {
            throw ScimException.invalidSyntax(where + " is " + (op.equals("add") ? "an " : "a ") + op + " without a"
                    + " \"value\"; send the new value, or \"value\": null to clear the attribute");
        }
        return value;
    }
}

package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A /Bulk request (RFC 7644 §3.7): operations run in order, each on its own; {@code failOnErrors} stops the run after that
 * many failures. {@code bulkId:<id>} in a later operation's path or data stands for the id the POST with that bulkId
 * created (§3.7.2); only references to earlier operations resolve.
 */
public record BulkRequest(Integer failOnErrors, List<Operation> operations) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    /** Advertised in ServiceProviderConfig (RFC 7644 §5). */
    public static final int MAX_OPERATIONS = 1000;
    public static final int MAX_PAYLOAD_BYTES = 1_048_576;
    static final String REFERENCE = "bulkId:";

    public record Operation(String method, String bulkId, String path, String version, JsonNode data) {
    }

    public static BulkRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A bulk request is a JSON object with \"Operations\" (RFC 7644 §3.7).");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("\"Operations\" must be a non-empty array.");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimException.payloadTooLarge("A bulk request may hold at most " + MAX_OPERATIONS
                    + " operations; this one has " + operations.size() + ".");
        }
        Integer failOnErrors = null;
        if (body.hasNonNull("failOnErrors")) {
            JsonNode value = body.get("failOnErrors");
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
                throw ScimException.invalidValue("\"failOnErrors\" must be a positive integer.");
            }
            failOnErrors = value.intValue();
        }
        List<Operation> parsed = new ArrayList<>();
        Set<String> bulkIds = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            parsed.add(operation(operations.get(i), i, bulkIds));
        }
        return new BulkRequest(failOnErrors, List.copyOf(parsed));
    }

    private static Operation operation(JsonNode node, int index, Set<String> bulkIds) {
        String where = "Operations[" + index + "]";
        if (!node.isObject()) {
            throw ScimException.invalidSyntax(where + " must be an object with method and path.");
        }
        String method = text(node, "method", where, true).toUpperCase(Locale.ROOT);
        if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
            throw ScimException.invalidValue(where + ".method must be POST, PUT, PATCH or DELETE.");
        }
        String path = text(node, "path", where, true);
        String bulkId = text(node, "bulkId", where, "POST".equals(method));
        if (bulkId != null && !bulkIds.add(bulkId)) {
            throw ScimException.invalidValue(where + ".bulkId '" + bulkId + "' is used twice.");
        }
        JsonNode data = node.get("data");
        if (!"DELETE".equals(method) && (data == null || !data.isObject())) {
            throw ScimException.invalidSyntax(where + ".data must be an object for " + method + ".");
        }
        return new Operation(method, bulkId, path, text(node, "version", where, false), data);
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ScimException.invalidSyntax(where + "." + field + " is required.");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 2048) {
            throw ScimException.invalidValue(where + "." + field + " must be a non-empty string.");
        }
        return value.asText();
    }

    /** Replaces {@code bulkId:x} in a path with the id that x's POST created. */
    public static String resolvePath(String path, Map<String, String> created) {
        int at = path.indexOf(REFERENCE);
        if (at < 0) {
            return path;
        }
        int end = path.indexOf('/', at);
        String reference = path.substring(at + REFERENCE.length(), end < 0 ? path.length() : end);
        return path.substring(0, at) + resolve(reference, created) + (end < 0 ? "" : path.substring(end));
    }

    /** A copy of {@code data} with every string value {@code bulkId:x} replaced by the id x's POST created. */
    public static JsonNode resolveData(JsonNode data, Map<String, String> created) {
        if (data == null) {
            return null;
        }
        if (data.isTextual() && data.asText().startsWith(REFERENCE)) {
            return JsonNodeFactory.instance.textNode(resolve(data.asText().substring(REFERENCE.length()), created));
        }
        if (data instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(field -> copy.set(field.getKey(), resolveData(field.getValue(), created)));
            return copy;
        }
        if (data instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(resolveData(element, created)));
            return copy;
        }
        return data;
    }

    private static String resolve(String reference, Map<String, String> created) {
        String id = created.get(reference);
        if (id == null) {
            throw ScimException.invalidValue("bulkId:" + reference + " names no earlier, successful POST of this"
                    + " request; put the POST first.");
        }
        return id;
    }
}

package dev.roster.scim.patch.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * One identity provider's PATCH dialect: its rewrites, applied in order to every operation of a request. Each IdP's
 * dialect lives in a folder of its own ({@code entra/}), each quirk a small named {@link Rewrite} whose comment shows the
 * raw request beside the RFC 7644 one.
 *
 * @param name      the IdP, for documentation and tests
 * @param rewrites  applied in this order; a rewrite sees the output of the ones before it
 */
public record Dialect(String name, List<Rewrite> rewrites) {

    public Dialect {
        rewrites = List.copyOf(rewrites);
    }

    /** Which rewrites apply: all of them, or only those that keep RFC 7644's meaning (a tenant's choice). */
    public enum Mode {
        ALL, RFC_MEANING_ONLY;

        public boolean applies(Rewrite rewrite) {
            return this == ALL || !rewrite.changesRfcMeaning();
        }
    }

    /**
     * @return a rewritten copy of {@code patchBody}; a body without an {@code Operations} array comes back as a copy, and
     *         anything that is not an object as it is, for the parser to report. The input is never changed.
     */
    public JsonNode normalize(ResourceType type, JsonNode patchBody, Mode mode) {
        if (patchBody == null || !patchBody.isObject()) {
            return patchBody;
        }
        ObjectNode body = patchBody.deepCopy();
        JsonNode operations = JsonFields.get(body, "Operations");
        if (operations == null || !operations.isArray()) {
            return body;
        }
        List<JsonNode> current = new ArrayList<>();
        operations.forEach(current::add);
        for (Rewrite rewrite : rewrites) {
            if (!mode.applies(rewrite)) {
                continue;
            }
            List<JsonNode> next = new ArrayList<>(current.size());
            for (JsonNode operation : current) {
                if (operation.isObject()) {
                    next.addAll(rewrite.rewrite((ObjectNode) operation, type));
                } else {
                    next.add(operation);
                }
            }
            current = next;
        }
        ArrayNode rewritten = body.arrayNode();
        current.forEach(rewritten::add);
        JsonFields.put(body, "Operations", rewritten);
        return body;
    }
}

package dev.roster.scim.patch.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the PATCH requests Microsoft Entra ID sends (entra-provisioning.md) into RFC 7644 form, one small named rewrite
 * per quirk, in this order:
 * <ol>
 *   <li>{@link OpNameCase} (Q1): {@code "Replace"} -> {@code "replace"}.</li>
 *   <li>{@link LegacyDotPaths} (Q17): {@code urn:...:User.department} -> {@code urn:...:User:department}.</li>
 *   <li>{@link PathlessKeysToPaths} (Q5, R-18): dotted and URN keys of a pathless value become operations with a path.</li>
 *   <li>{@link StringifiedJson} (Q7, R-20): roles sent as a JSON-encoded string are decoded.</li>
 *   <li>{@link ManagerShapes} (Q10, R-15): every manager shape becomes {@code {"value": id}} at the manager's URN path.</li>
 *   <li>{@link BooleanStrings} (Q2, R-16/R-17): {@code "False"} -> {@code false} where the attribute is a boolean.</li>
 *   <li>{@link EmptyValueClears}: a replace with {@code ""} or null becomes a remove.</li>
 *   <li>{@link AddOnSingleValued} (Q3): Add on a single-valued attribute becomes replace.</li>
 *   <li>{@link RemoveWithValue} (Q9): a remove's value is dropped where it names a single value.</li>
 *   <li>{@link RemoveListedValues} (Q4, R-35): remove {@code members} with a value list becomes a filter on those ids, so
 *   only they are removed.</li>
 * </ol>
 * Quirks that need the stored resource are the engine's, each in a named class: Q8 (a filtered path that matches nothing
 * creates the element) in {@code FilterSeed}; Q12 (read-only and unknown members of a pathless value ignored) in the
 * engine's pathless handling; Q2 and Q10 value shapes again in {@code AttributeValues}, which POST bodies share.
 *
 * <p>Every client goes through this dialect: Roster cannot tell Entra apart (it sends no User-Agent, Q15), and each rewrite
 * only turns a request RFC 7644 would reject or leave undefined into the one Entra means. Callers bound the body first
 * ({@code PatchRequest.parseWithDialect} does). The input is never changed.
 */
public final class EntraDialect {

    private static final List<Rewrite> REWRITES = List.of(
            new OpNameCase(),
            new LegacyDotPaths(),
            new PathlessKeysToPaths(),
            new StringifiedJson(),
            new ManagerShapes(),
            new BooleanStrings(),
            new EmptyValueClears(),
            new AddOnSingleValued(),
            new RemoveWithValue(),
            new RemoveListedValues());

    private EntraDialect() {
    }

    /**
     * @return a rewritten copy of {@code patchBody}; a body without an {@code Operations} array comes back as a copy, for
     *         the parser to report
     */
    public static JsonNode normalize(ResourceType type, JsonNode patchBody) {
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
        for (Rewrite rewrite : REWRITES) {
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

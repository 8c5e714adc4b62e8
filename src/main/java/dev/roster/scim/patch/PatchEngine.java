package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.SchemasAttribute;
import java.util.List;
import java.util.Objects;

/**
 * Applies PATCH operations to a resource document, RFC 7644 §3.5.2, in memory: JSON tree in, JSON tree out. Pure and
 * thread-safe; the service loads the document, calls {@link #apply}, and writes the outcome with its outbox event in one
 * transaction.
 *
 * <p>Atomic (RFC 7644 §3.5.2: "all operations ... MUST be applied, or none"): the operations work on a copy, so either every
 * operation applies and a new tree is returned, or a {@link ScimException} is thrown and nothing else has changed; the
 * input is never modified. The exception's detail starts with the operation that failed ({@code replace active: ...}).
 *
 * <p>Requests in Entra's dialect go through {@code dialect.EntraDialect} first; the engine itself also tolerates the
 * value shapes Entra sends (boolean strings, the manager as a bare id) because POST bodies carry them too. Where the
 * engine departs from RFC 7644 for Entra, the class doing it says so: {@link FilterSeed} (Q8), {@link MembershipEditor}
 * (Q4), {@link AttributeEditor} (Q9, R-19).
 */
public final class PatchEngine {

    private PatchEngine() {
    }

    /**
     * The errors a request has whatever the resource holds (a path the schema does not know, a read-only attribute),
     * found before the resource is looked up, so that a malformed PATCH of a missing id is a 400 rather than a 404
     * (issue 14, item 17). It runs the operations on an empty document and keeps only those errors: outcomes that
     * depend on the stored resource (no target for a filter) are left to {@link #apply}.
     */
    public static void precheck(ResourceType type, List<PatchOp> operations) {
        try {
            apply(type, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), operations);
        } catch (ScimException e) {
            if (e.scimType() == dev.roster.scim.error.ScimType.INVALID_PATH
                    || e.scimType() == dev.roster.scim.error.ScimType.MUTABILITY) {
                throw e;
            }
        }
    }

    /**
     * @param type       the resource type, with the tenant's extensions
     * @param current    the stored document (not modified)
     * @param operations the operations, in request order
     * @throws ScimException when an operation cannot be applied; nothing is applied then
     */
    public static PatchOutcome apply(ResourceType type, ObjectNode current, List<PatchOp> operations) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(operations, "operations");
        ObjectNode document = current.deepCopy();
        DocumentEditor editor = new DocumentEditor(type, document);
        for (PatchOp op : operations) {
            try {
                editor.apply(op);
            } catch (ScimException e) {
                throw inContext(op, e);
            }
        }
        SchemasAttribute.sync(type, document);
        return new PatchOutcome(document, ChangedAttributes.between(type, current, document), editor.members());
    }

    private static ScimException inContext(PatchOp op, ScimException e) {
        String where = op.path() == null ? op.name() + " without a path" : op.name() + " " + op.path().excerpt();
        return new ScimException(e.status(), e.scimType(), where + ": " + e.detail());
    }
}

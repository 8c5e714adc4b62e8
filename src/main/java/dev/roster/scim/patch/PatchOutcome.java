package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * The result of applying a PATCH request.
 *
 * @param resource          the patched document, a new tree (the input is never changed); for a Group it never holds
 *                          {@code members}
 * @param changedAttributes the top-level attributes whose value differs from before, in the schema's spelling; extension
 *                          attributes as {@code urn:...:User:department}; never {@code schemas} (derived) or a Group's
 *                          {@code members} (see {@link #members()})
 * @param members           the change to a Group's members; {@link MembershipChange#NONE} for other resources
 */
public record PatchOutcome(ObjectNode resource, Set<String> changedAttributes, MembershipChange members) {

    public PatchOutcome {
        Objects.requireNonNull(resource, "resource");
        changedAttributes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(changedAttributes));
        Objects.requireNonNull(members, "members");
    }

    /** Whether the request changed nothing at all, so the service may skip the write and keep meta.lastModified. */
    public boolean isNoOp() {
        return changedAttributes.isEmpty() && members.isEmpty();
    }
}

package dev.roster.scim.patch;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a PATCH does to a group's members, which live in a table rather than in the group document
 * (docs/architecture.md, "Storage": a group may have 100,000 members, and changing one must not load the others). The
 * store applies it in this order:
 * <ol>
 *   <li>{@code replaceAll} or {@code removeAll}: delete every membership of the group; otherwise delete {@code removeIds};</li>
 *   <li>insert {@code add}, skipping members the group already has.</li>
 * </ol>
 * The operations of one request are already folded together in request order: an add then a remove of the same id leaves
 * the id in {@code removeIds} only, a remove then an add leaves it in {@code add} only.
 *
 * <p>Invariants: {@code replaceAll} and {@code removeAll} never both hold; {@code removeAll} comes with no {@code add} and no
 * {@code removeIds}; {@code replaceAll} with no {@code removeIds}; an id is never both added and removed. Ids compare
 * case-insensitively, as {@code members.value} does (RFC 7643 §4.2, caseExact false).
 *
 * @param replaceAll the members become exactly {@code add}
 * @param add        members to add, in request order, each id once
 * @param removeIds  ids to remove, in request order
 * @param removeAll  every member is removed
 */
public record MembershipChange(boolean replaceAll, List<MemberRef> add, Set<String> removeIds, boolean removeAll) {

    public static final MembershipChange NONE = new MembershipChange(false, List.of(), Set.of(), false);

    public MembershipChange {
        add = List.copyOf(Objects.requireNonNull(add, "add"));
        removeIds = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(removeIds));
        if (replaceAll && removeAll) {
            throw new IllegalArgumentException("replaceAll and removeAll exclude each other");
        }
        if (removeAll && (!add.isEmpty() || !removeIds.isEmpty())) {
            throw new IllegalArgumentException("removeAll carries no add and no removeIds");
        }
        if (replaceAll && !removeIds.isEmpty()) {
            throw new IllegalArgumentException("replaceAll carries no removeIds");
        }
    }

    /** Whether the request leaves the members untouched. */
    public boolean isEmpty() {
        return !replaceAll && !removeAll && add.isEmpty() && removeIds.isEmpty();
    }
}

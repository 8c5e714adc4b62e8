package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds the member operations of one request, in order, into one {@link MembershipChange}. Ids are keyed lower-cased, as
 * {@code members.value} compares case-insensitively.
 */
final class MembershipEditor {

    /** Whether an earlier operation of this request cleared the stored members (a replace, or a remove of all). */
    private boolean cleared;
    private final Map<String, MemberRef> added = new LinkedHashMap<>();
    private final Map<String, String> removed = new LinkedHashMap<>();

    /**
     * One operation on {@code members}:
     * <ul>
     *   <li>add {@code [{"value": id}, ...]}: those members are added ;</li>
     *   <li>replace: the members become exactly those listed; an empty list or null removes all;</li>
     *   <li>remove with a value list: ONLY the listed members go (Entra's default removal, Q4 / R-35); an empty list
     *   removes nobody;</li>
     *   <li>remove {@code members[value eq "id" or ...]}: the ids named (R-35 with Entra's flag);</li>
     *   <li>remove {@code members} with neither value nor filter: every member (RFC 7644 §3.5.2.2).</li>
     * </ul>
     */
    void apply(Kind kind, Target.Members target, JsonNode value) {
        if (target.filter() != null) {
            if (kind != Kind.REMOVE) {
                throw ScimException.invalidPath("a filter on members selects members to remove; to " + name(kind)
                        + " members use the path \"members\" with a value such as [{\"value\": \"<id>\"}]");
            }
            if (target.filterSub() != null) {
                throw ScimException.invalidPath("a member's \"" + target.filterSub() + "\" cannot be changed on its own;"
                        + " remove the member and add it again");
            }
            remove(MemberFilters.ids(target.filter()));
            return;
        }
        switch (kind) {
            case ADD -> add(MemberRefs.parse(value));
            case REPLACE -> replace(MemberRefs.parse(value));
            case REMOVE -> {
                if (value == null || value.isNull()) {
                    removeAll();
                } else if (value.isTextual() && value.textValue().isBlank()) {
                    // {"value": ""} names no member: the RFC's remove of a value that is not there, which changes
                    // nothing (RFC 7644 §3.5.2.2), rather than an invalid member (issue 14, item 20).
                    return;
                } else {
                    remove(MemberRefs.parse(value).stream().map(MemberRef::value).toList());
                }
            }
        }
    }

    private static String name(Kind kind) {
        return kind == Kind.ADD ? "add" : "replace";
    }

    /** RFC 7644 §3.5.2.1: add members; an id already added stays once, with its first reference. */
    void add(Collection<MemberRef> refs) {
        for (MemberRef ref : refs) {
            String key = key(ref.value());
            removed.remove(key);
            added.putIfAbsent(key, ref);
        }
    }

    /** RFC 7644 §3.5.2.3: the members become exactly {@code refs}. */
    void replace(Collection<MemberRef> refs) {
        removeAll();
        add(refs);
    }

    /** Removes these ids, whether stored or added earlier in this request. */
    void remove(Collection<String> ids) {
        for (String id : ids) {
            String key = key(id);
            added.remove(key);
            if (!cleared) {
                removed.putIfAbsent(key, id);
            }
        }
    }

    /** RFC 7644 §3.5.2.2: {@code remove members} without a filter or value removes every member. */
    void removeAll() {
        cleared = true;
        added.clear();
        removed.clear();
    }

    MembershipChange build() {
        List<MemberRef> add = new ArrayList<>(added.values());
        if (cleared) {
            return add.isEmpty()
                    ? new MembershipChange(false, List.of(), Set.of(), true)
                    : new MembershipChange(true, add, Set.of(), false);
        }
        return new MembershipChange(false, add, new LinkedHashSet<>(removed.values()), false);
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}

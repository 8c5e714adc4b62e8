package dev.roster.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.events.ChangeEvent;
import dev.roster.events.EventType;
import dev.roster.groups.GroupMembers.MemberDelta;
import dev.roster.groups.MembershipRepository.NewMember;
import dev.roster.scim.patch.MemberRef;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.tenant.TenantContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The events a group's changes produce (issue 11). The resource is the group's document without its member list (a group
 * may have 100,000 members); member events carry only the members that changed, as {@code members}. A PUT or a remove
 * without a filter replaces every member at once: its event is a {@code group.updated} naming {@code members}, as the
 * ids removed are not read back.
 */
final class GroupEvents {

    static final String RESOURCE_TYPE = "Group";

    private GroupEvents() {
    }

    /**
     * The events of a write, in order: the group's own change (always for a creation, whose resource then lists the
     * members it was created with), then members added, then members removed.
     */
    static List<ChangeEvent> of(EventType ownType, TenantContext caller, GroupEntity group, String base,
                                Collection<String> changed, MemberDelta delta) {
        boolean created = ownType == EventType.GROUP_CREATED;
        List<ChangeEvent> events = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(changed);
        if (delta.cleared()) {
            names.add("members");
        }
        if (created || !names.isEmpty()) {
            events.add(event(ownType, caller, group, base, List.copyOf(names),
                    created && !delta.added().isEmpty() ? added(delta.added(), base) : null));
        }
        if (!created && !delta.cleared() && !delta.added().isEmpty()) {
            events.add(event(EventType.GROUP_MEMBERS_ADDED, caller, group, base, List.of("members"),
                    added(delta.added(), base)));
        }
        if (!delta.removed().isEmpty()) {
            events.add(event(EventType.GROUP_MEMBERS_REMOVED, caller, group, base, List.of("members"),
                    removed(delta.removed())));
        }
        return events;
    }

    static ChangeEvent deleted(TenantContext caller, GroupEntity group, String base) {
        return event(EventType.GROUP_DELETED, caller, group, base, List.of(), null);
    }

    /**
     * A member PATCH's events before its statement knows which members really change (groups/GroupStore keeps only
     * those in each event's {@code members}, and drops an event whose members all stayed as they were): the group's own
     * change when its document changed (or all its members were replaced), members added, members removed; each null
     * when the PATCH cannot produce it.
     */
    record Planned(ChangeEvent own, ChangeEvent added, ChangeEvent removed) {
    }

    static Planned planned(TenantContext caller, GroupEntity group, String base, Collection<String> changed,
                           boolean cleared, boolean adding, boolean removing) {
        Set<String> names = new LinkedHashSet<>(changed);
        if (cleared) {
            names.add("members");
        }
        ObjectNode resource = GroupResponses.render(group, null, base, AttributeProjection.all());
        ArrayNode none = JsonNodeFactory.instance.arrayNode();
        return new Planned(
                names.isEmpty() ? null : event(EventType.GROUP_UPDATED, caller, group, resource, List.copyOf(names),
                        null),
                adding && !cleared ? event(EventType.GROUP_MEMBERS_ADDED, caller, group, resource.deepCopy(),
                        List.of("members"), none) : null,
                removing ? event(EventType.GROUP_MEMBERS_REMOVED, caller, group, resource.deepCopy(),
                        List.of("members"), none) : null);
    }

    /** A member in a members-added event (and in a created group's resource): value, $ref and type. */
    static ObjectNode addedEntry(UUID id, String memberType, String base) {
        String endpoint = MemberRef.GROUP.equals(memberType) ? "/Groups/" : "/Users/";
        return JsonNodeFactory.instance.objectNode().put("value", id.toString()).put("$ref", base + endpoint + id)
                .put("type", memberType);
    }

    /** A member in a members-removed event: its id only (its type is not read back). */
    static ObjectNode removedEntry(UUID id) {
        return JsonNodeFactory.instance.objectNode().put("value", id.toString());
    }

    private static ArrayNode added(List<NewMember> members, String base) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        members.forEach(member -> array.add(addedEntry(member.memberId(), member.memberType(), base)));
        return array;
    }

    private static ArrayNode removed(List<UUID> members) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        members.forEach(id -> array.add(removedEntry(id)));
        return array;
    }

    private static ChangeEvent event(EventType type, TenantContext caller, GroupEntity group, String base,
                                     List<String> changed, ArrayNode members) {
        return event(type, caller, group, GroupResponses.render(group, null, base, AttributeProjection.all()), changed,
                members);
    }

    private static ChangeEvent event(EventType type, TenantContext caller, GroupEntity group, ObjectNode resource,
                                     List<String> changed, ArrayNode members) {
        if (members != null) {
            resource.set("members", members);
        }
        ChangeEvent.Actor actor = ChangeEvent.Actor.of(caller);
        return new ChangeEvent(type, group.tenantId, RESOURCE_TYPE, group.id, resource, changed, actor);
    }
}

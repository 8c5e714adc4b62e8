package dev.roster.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

    private static ArrayNode added(List<NewMember> members, String base) {
        ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (NewMember member : members) {
            String endpoint = MemberRef.GROUP.equals(member.memberType()) ? "/Groups/" : "/Users/";
            array.addObject().put("value", member.memberId().toString())
                    .put("$ref", base + endpoint + member.memberId()).put("type", member.memberType());
        }
        return array;
    }

    private static ArrayNode removed(List<UUID> members) {
        ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        members.forEach(id -> array.addObject().put("value", id.toString()));
        return array;
    }

    private static ChangeEvent event(EventType type, TenantContext caller, GroupEntity group, String base,
                                     List<String> changed, ArrayNode members) {
        ObjectNode resource = GroupResponses.render(group, null, base, AttributeProjection.all());
        if (members != null) {
            resource.set("members", members);
        }
        ChangeEvent.Actor actor = ChangeEvent.Actor.of(caller);
        return new ChangeEvent(type, group.tenantId, RESOURCE_TYPE, group.id, resource, changed, actor);
    }
}

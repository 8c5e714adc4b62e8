package dev.roster.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.directory.GroupDirectory.GroupOfMember;
import dev.roster.events.ChangeEvent;
import dev.roster.events.EventType;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.scim.wire.DocumentChanges;
import dev.roster.tenant.TenantContext;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events a user's changes produce (issue 11): the user as a GET shows it (Tenant URL form), the attributes that
 * changed, and who changed it. {@code active} flipping makes the change a deactivation or a reactivation, which is what
 * a host app acts on (stop billing the seat, send a welcome back).
 */
final class UserEvents {

    static final String RESOURCE_TYPE = "User";

    private UserEvents() {
    }

    static ChangeEvent created(TenantContext caller, UserEntity user, String base) {
        return event(EventType.USER_CREATED, caller, user, List.of(), base, DocumentChanges.attributes(user.doc));
    }

    /** The event of a write, or none when nothing changed (a PATCH that changes nothing writes no event). */
    static Optional<ChangeEvent> changed(TenantContext caller, UserEntity user, List<GroupOfMember> groups, String base,
                                         boolean wasActive, Collection<String> changed) {
        if (changed.isEmpty() && wasActive == user.active) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>(changed);
        if (wasActive != user.active) {
            names.add("active");
        }
        EventType type = wasActive == user.active ? EventType.USER_UPDATED
                : user.active ? EventType.USER_REACTIVATED : EventType.USER_DEACTIVATED;
        return Optional.of(event(type, caller, user, groups, base, List.copyOf(names)));
    }

    static ChangeEvent deleted(TenantContext caller, UserEntity user, String base) {
        return event(EventType.USER_DELETED, caller, user, List.of(), base, List.of());
    }

    static ChangeEvent restored(UserEntity user, String base) {
        return event(EventType.USER_RESTORED, null, user, List.of(), base, List.of());
    }

    /** A user erased on request: only its id, never its data. */
    static ChangeEvent erased(java.util.UUID tenantId, java.util.UUID userId) {
        ObjectNode resource = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("id", userId.toString()).put("erased", true);
        return new ChangeEvent(EventType.USER_ERASED, tenantId, RESOURCE_TYPE, userId, resource, List.of(), null);
    }

    /** The scheduled purge removed a retained user for good; the event shows it as it was last stored. */
    static ChangeEvent purged(UserEntity user, String base) {
        return event(EventType.USER_PURGED, null, user, List.of(), base, List.of());
    }

    private static ChangeEvent event(EventType type, TenantContext caller, UserEntity user, List<GroupOfMember> groups,
                                     String base, List<String> changed) {
        ObjectNode resource = UserResponses.render(user, groups, base, AttributeProjection.all());
        ChangeEvent.Actor actor = ChangeEvent.Actor.of(caller);
        return new ChangeEvent(type, user.tenantId, RESOURCE_TYPE, user.id, resource, changed, actor);
    }
}

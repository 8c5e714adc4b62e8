package dev.roster.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.tenant.TenantContext;

import java.util.List;
import java.util.UUID;

/**
 * One committed change as the host app hears of it: what happened to which resource, the resource after the change as
 * its SCIM document (for a group, its changed members only, never its member list), the attributes that changed, and who
 * made it. Features build it from their own documents: events never sees an entity (issue 11; docs/architecture.md,
 * "Features meet through small published interfaces").
 *
 * @param resource     the SCIM document (for deletions, the document as it was)
 * @param changed      the names of the attributes that changed (empty for a deletion)
 * @param actor        the credential that made the change, or null for the admin API and scheduled jobs
 * @param labels       the labels of the tenant's rules the resource matches (null: none)
 * @param sendActivation the tenant's sendActivation setting, carried by user.created only (null otherwise)
 */
public record ChangeEvent(EventType type, UUID tenantId, String resourceType, UUID resourceId, ObjectNode resource,
                          List<String> changed, Actor actor, ObjectNode labels, Boolean sendActivation) {

    public ChangeEvent {
        changed = List.copyOf(changed);
    }

    public ChangeEvent(EventType type, UUID tenantId, String resourceType, UUID resourceId, ObjectNode resource,
                       List<String> changed, Actor actor) {
        this(type, tenantId, resourceType, resourceId, resource, changed, actor, null, null);
    }

    /** The same event with the labels of the tenant's matching rules (and, for user.created, sendActivation). */
    public ChangeEvent withLabels(ObjectNode matched, Boolean activation) {
        return new ChangeEvent(type, tenantId, resourceType, resourceId, resource, changed, actor, matched, activation);
    }

    /** Who made a change: a SCIM credential's id and kind. */
    public record Actor(UUID credentialId, String kind) {

        /** The actor of a SCIM caller; null for changes without one (the admin API, scheduled jobs). */
        public static Actor of(TenantContext caller) {
            return caller == null ? null : new Actor(caller.credentialId(), caller.credentialKind().name());
        }
    }
}

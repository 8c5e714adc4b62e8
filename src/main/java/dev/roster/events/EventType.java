package dev.roster.events;

/** The kinds of change the host app hears about (README, "Events"), with their wire names. */
public enum EventType {
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DEACTIVATED("user.deactivated"),
    USER_REACTIVATED("user.reactivated"),
    USER_DELETED("user.deleted"),
    USER_RESTORED("user.restored"),
    /**
     * A soft-deleted user removed for good by the scheduled purge once its tenant's retention passed: it can no longer be
     * restored. Not in the list of types (which names the purge as a write path but no type for it); a
     * second {@code user.deleted} would tell a host nothing new, while this lets it drop what it kept for a restore.
     */
    USER_PURGED("user.purged"),
    /**
     * A user erased on request (issue 15, item 7): gone, and its earlier events scrubbed of its data. Carries only the
     * id, so the host erases its own copy. Not in issue 11's list, like {@code user.purged}: a {@code user.deleted}
     * would not tell the host to forget what it kept.
     */
    USER_ERASED("user.erased"),
    GROUP_CREATED("group.created"),
    GROUP_UPDATED("group.updated"),
    GROUP_DELETED("group.deleted"),
    GROUP_MEMBERS_ADDED("group.members_added"),
    GROUP_MEMBERS_REMOVED("group.members_removed"),
    /** A create or reactivation was refused for want of seats (issue 15, item 3); at most one an hour per tenant. */
    TENANT_SEAT_LIMIT_REACHED("tenant.seat_limit_reached"),
    /** A tenant that was syncing has sent nothing for the stall threshold (issue 15, item 4). */
    TENANT_SYNC_STALLED("tenant.sync_stalled"),
    /** A stalled or degraded tenant is healthy again. */
    TENANT_SYNC_RECOVERED("tenant.sync_recovered"),
    /** A secret token or OAuth client secret expires within 14 days; once per credential. */
    CREDENTIAL_EXPIRING("credential.expiring");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

package dev.roster.events;

/** The kinds of change the host app hears about (contracts.md, "Events"), with their wire names. */
public enum EventType {
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DEACTIVATED("user.deactivated"),
    USER_REACTIVATED("user.reactivated"),
    USER_DELETED("user.deleted"),
    USER_RESTORED("user.restored"),
    GROUP_CREATED("group.created"),
    GROUP_UPDATED("group.updated"),
    GROUP_DELETED("group.deleted"),
    GROUP_MEMBERS_ADDED("group.members_added"),
    GROUP_MEMBERS_REMOVED("group.members_removed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

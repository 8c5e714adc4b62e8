package dev.roster.query;

/** The row tables that hold multi-valued attributes, each with the element sub-attributes the compiler reads. */
public enum RowSource {
    /** The user's value side table rows of one attribute (emails): value, type, primary. */
    USER_VALUES,
    /** The group's membership rows: members.value, members.type. */
    GROUP_MEMBERS,
    /** Membership rows naming the user, joined to the live group: groups.value, groups.display. */
    USER_GROUPS
}

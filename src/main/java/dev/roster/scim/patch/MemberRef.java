package dev.roster.scim.patch;

import java.util.Objects;

/**
 * A group member as a client names it (RFC 7643 §4.2 {@code members}): the member's id, and optionally its resource type
 * and display name. The group store checks that the id exists; this type only carries what the request said.
 *
 * @param value   the member's id, never blank
 * @param type    {@code "User"}, {@code "Group"}, or null when the client did not say
 * @param display the display name the client sent, or null
 */
public record MemberRef(String value, String type, String display) {

    public static final String USER = "User";
    public static final String GROUP = "Group";

    public MemberRef {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a member id cannot be blank");
        }
        if (type != null && !type.equals(USER) && !type.equals(GROUP)) {
            throw new IllegalArgumentException("member type must be User or Group: " + type);
        }
    }

    public static MemberRef of(String value) {
        return new MemberRef(value, null, null);
    }
}

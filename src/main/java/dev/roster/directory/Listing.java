package dev.roster.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shapes of the admin read API (issue 15, item 1), published by the users and groups features alike. */
public final class Listing {

    private Listing() {
    }

    /**
     * One page of a tenant's users or groups: a SCIM filter (or null), a sort key by name ({@code createdAt} when null),
     * the previous page's cursor (or null), a page size, and whether to list retained deleted users (tombstones)
     * instead of live resources.
     */
    public record Request(UUID tenantId, String filter, String sortBy, String after, int limit, boolean retained) {
    }

    /**
     * A user or group as the admin API shows it: the SCIM document as a GET returns it (a group without members) and the
     * metadata a host needs. {@code deactivatedAt} and {@code deletedAt} are users' only; {@code memberCount} is a
     * group's, and only when one group is asked for.
     */
    public record Entry(UUID id, ObjectNode resource, Instant createdAt, Instant updatedAt, Instant deactivatedAt,
                        Instant deletedAt, Long memberCount) {
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    /** A direct member of a group: its id, {@code User} or {@code Group}, its userName or displayName, when it joined. */
    public record Member(UUID id, String type, String display, Instant addedAt) {
    }

    public record Members(List<Member> items, String nextCursor) {
    }

    /** A user's or group's row as stored, read outside the features (the snapshot export streams them). */
    public record Stored(UUID tenantId, UUID id, ObjectNode doc, boolean active, Instant created,
                         Instant lastModified, long version) {
    }
}

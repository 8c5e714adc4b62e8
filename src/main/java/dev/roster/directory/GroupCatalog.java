package dev.roster.directory;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** The groups of a tenant as the admin read API shows them (issue 15, item 1). Opens its own session. */
public interface GroupCatalog {

    /** One page of groups, without their members; 400 for a bad filter, sort key or cursor. */
    Uni<Listing.Page> list(Listing.Request request);

    /** One group with its member count (its members are paged by {@link #members}); 404 when there is none. */
    Uni<Listing.Entry> describe(UUID tenantId, UUID groupId);

    /** One page of a group's direct members in id order, after a cursor; 404 when there is no such group. */
    Uni<Listing.Members> members(UUID tenantId, UUID groupId, String after, int limit);

    /** A stored group as a GET shows it without members (Tenant URL form). */
    com.fasterxml.jackson.databind.node.ObjectNode render(Listing.Stored group);
}

package dev.roster.directory;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** The users of a tenant as the admin read API shows them (issue 15, item 1). Opens its own session. */
public interface UserCatalog {

    /** One page of live users, or of retained deleted ones; 400 for a bad filter, sort key or cursor. */
    Uni<Listing.Page> list(Listing.Request request);

    /** One user, live or retained deleted, with its groups; 404 when the tenant has no such user. */
    Uni<Listing.Entry> describe(UUID tenantId, UUID userId);

    /** A stored user as a GET shows it (Tenant URL form, without groups: the export lists memberships apart). */
    com.fasterxml.jackson.databind.node.ObjectNode render(Listing.Stored user);
}

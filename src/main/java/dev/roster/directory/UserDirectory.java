package dev.roster.directory;

import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** What other features may ask of users (docs/architecture.md, "Features meet through small published interfaces"). */
public interface UserDirectory {

    /**
     * The ids among {@code ids} that are live users of the tenant, locked against deletion until the caller's transaction
     * ends (a member add must see a committed user that stays). Runs in the caller's transaction.
     */
    Uni<Set<UUID>> lockExisting(UUID tenantId, Collection<UUID> ids);

    /** Seat counts of each tenant (tenants without users are absent from the map). Opens its own session. */
    Uni<java.util.Map<UUID, Seats>> seats(Collection<UUID> tenantIds);

    /** Makes a soft-deleted user visible again; fails with 404 or 409 (its userName was taken meanwhile). */
    Uni<Void> restore(UUID tenantId, UUID userId);

    /**
     * The texts that identify a user (live or retained) in logs: userName, externalId, emails, displayName; 404 when the
     * tenant has no such user. Opens its own session.
     */
    Uni<java.util.List<String>> identifyingTexts(UUID tenantId, UUID userId);

    /**
     * Erases a user (live or retained) in one transaction: its row, side table and memberships go, every stored event
     * about it loses its document, and a {@code user.erased} event tells the host; 404 when there is no such user.
     */
    Uni<Void> erase(UUID tenantId, UUID userId);
}

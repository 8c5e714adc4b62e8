package dev.roster.users;

import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** What other features may ask of users (design.md: features talk through small published interfaces). */
public interface UserDirectory {

    /** The ids among {@code ids} that are live users of the tenant. Runs in the caller's session. */
    Uni<Set<UUID>> existing(UUID tenantId, Collection<UUID> ids);
}

package dev.roster.directory;

import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What other features may ask of groups (docs/architecture.md, "Features meet through small published interfaces"):
 * the groups a user belongs to, and leaving them all when the user goes. Implemented by the groups feature; runs in the
 * caller's session and transaction.
 */
public interface GroupDirectory {

    /** The groups each of these members directly belongs to, with the group's displayName (a user's "groups"). */
    Uni<List<GroupOfMember>> groupsOf(UUID tenantId, Collection<UUID> memberIds);

    /** Removes a deleted member from every group it belonged to; emits how many memberships went. */
    Uni<Long> removeEverywhere(UUID tenantId, UUID memberId);

    /** One direct membership seen from the member's side. */
    record GroupOfMember(UUID memberId, UUID groupId, String displayName) {
    }
}

package dev.roster.groups;

import dev.roster.groups.MembershipRepository.NewMember;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.patch.MemberRef;
import dev.roster.scim.patch.MembershipChange;
import dev.roster.tenant.Ids;
import dev.roster.directory.UserDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a {@link MembershipChange} to the membership table in the caller's transaction. Every member to add must exist
 * in the tenant (as a user, or as a group other than this one); unknown ids are reported all at once and nothing is applied
 * (issue 4, item 6). Only the members named are touched: the group's other members are never loaded.
 */
@ApplicationScoped
public class GroupMembers {

    /** Bounded: a request adding more is refused (Entra sends at most a few dozen per PATCH). */
    static final int MAX_MEMBERS_PER_REQUEST = 10_000;

    @Inject
    MembershipRepository memberships;
    @Inject
    GroupRepository groups;
    @Inject
    UserDirectory users;

    /**
     * What a membership change did: the members inserted, the members removed by id, and whether all members were
     * removed first (PUT, or a remove without a filter), whose ids are not read back (a group may have 100,000).
     */
    public record MemberDelta(List<NewMember> added, List<UUID> removed, boolean cleared) {

        static final MemberDelta NONE = new MemberDelta(List.of(), List.of(), false);

        public boolean changed() {
            return !added.isEmpty() || !removed.isEmpty() || cleared;
        }
    }

    /** Applies the change; emits what it did. */
    public Uni<MemberDelta> apply(UUID tenantId, UUID groupId, MembershipChange change) {
        if (change.isEmpty()) {
            return Uni.createFrom().item(MemberDelta.NONE);
        }
        boolean cleared = change.replaceAll() || change.removeAll();
        Uni<List<UUID>> removed = cleared
                ? memberships.removeAll(tenantId, groupId).replaceWith(List.<UUID>of())
                : memberships.remove(tenantId, groupId, uuids(change.removeIds()));
        return resolve(tenantId, groupId, change.add())
                .chain(toAdd -> removed.chain(removedIds -> memberships.add(tenantId, groupId, toAdd)
                        .map(insertedIds -> new MemberDelta(toAdd.stream()
                                .filter(member -> insertedIds.contains(member.memberId())).toList(),
                                removedIds, cleared))));
    }

    /** Checks that every member exists and tells users from groups; fails with every unknown id named. */
    Uni<List<NewMember>> resolve(UUID tenantId, UUID groupId, List<MemberRef> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Requested requested = requested(groupId, refs);
        Set<UUID> ids = requested.ids();
        // Entra's members are users: when every id is one, there is no group to look for (issue 12: a statement less).
        return users.lockExisting(tenantId, ids).chain(userIds -> (userIds.size() == ids.size()
                ? Uni.createFrom().item(List.<UUID>of()) : groups.lockExistingIds(tenantId, ids)).map(groupIds -> {
            List<NewMember> members = new ArrayList<>();
            for (UUID id : ids) {
                if (userIds.contains(id)) {
                    members.add(new NewMember(id, MemberRef.USER));
                } else if (groupIds.contains(id)) {
                    members.add(new NewMember(id, MemberRef.GROUP));
                }
            }
            requested.requireAllKnown(userIds, Set.copyOf(groupIds));
            return members;
        }));
    }

    /**
     * The members a request adds: their ids in request order, each once, and the values that are no id at all. Refuses
     * a request adding more than {@link #MAX_MEMBERS_PER_REQUEST} or adding the group to itself.
     */
    record Requested(Set<UUID> ids, List<String> malformed) {

        /** Fails, naming every value that is neither a known user nor a known group, when there is one. */
        void requireAllKnown(Set<UUID> userIds, Set<UUID> groupIds) {
            List<String> unknown = new ArrayList<>(malformed);
            for (UUID id : ids) {
                if (!userIds.contains(id) && !groupIds.contains(id)) {
                    unknown.add(id.toString());
                }
            }
            if (!unknown.isEmpty()) {
                throw ScimException.invalidValue("These members do not exist in this application: "
                        + String.join(", ", unknown.subList(0, Math.min(unknown.size(), 20)))
                        + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : "")
                        + ". Provision the users or groups first; no member was changed.");
            }
        }
    }

    static Requested requested(UUID groupId, List<MemberRef> refs) {
        if (refs.size() > MAX_MEMBERS_PER_REQUEST) {
            throw ScimException.tooMany("At most " + MAX_MEMBERS_PER_REQUEST + " members can be added in one request;"
                    + " split the change into several requests.");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> malformed = new ArrayList<>();
        for (MemberRef ref : refs) {
            Ids.parse(ref.value()).ifPresentOrElse(ids::add, () -> malformed.add(ref.value()));
        }
        if (ids.contains(groupId)) {
            throw ScimException.invalidValue("A group cannot be a member of itself (" + groupId + ").");
        }
        return new Requested(ids, malformed);
    }

    /** The ids to remove that are ids at all (a value that is not one names no member). */
    static List<UUID> uuids(Set<String> ids) {
        return ids.stream().map(Ids::parse).flatMap(java.util.Optional::stream).toList();
    }
}

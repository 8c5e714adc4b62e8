package dev.roster.groups;

import dev.roster.directory.GroupDirectory;
import dev.roster.directory.GroupDirectory.GroupOfMember;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Memberships, changed row by row: adding or removing members touches only those members, never the group's other
 * members, so a PATCH on a 100,000-member group costs what a PATCH on a 10-member group costs (issue 4, item 6).
 */
@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<MemberEntity, MemberEntity.Key>, GroupDirectory {

    /** Rows per INSERT statement: 4 parameters each, far below PostgreSQL's 65,535-parameter limit. */
    static final int INSERT_BATCH = 500;

    public record NewMember(UUID memberId, String memberType) {
    }

    /** Adds members (existing ones are left as they are); emits the ids actually inserted (the event's members). */
    public Uni<List<UUID>> add(UUID tenantId, UUID groupId, List<NewMember> members) {
        Uni<List<UUID>> total = Uni.createFrom().item(new ArrayList<>());
        for (int from = 0; from < members.size(); from += INSERT_BATCH) {
            List<NewMember> batch = members.subList(from, Math.min(members.size(), from + INSERT_BATCH));
            total = total.chain(inserted -> insert(tenantId, groupId, batch).map(ids -> {
                inserted.addAll(ids);
                return inserted;
            }));
        }
        return total;
    }

    private Uni<List<UUID>> insert(UUID tenantId, UUID groupId, List<NewMember> batch) {
        StringBuilder sql = new StringBuilder(
                "insert into scim_group_member (tenant_id, group_id, member_id, member_type, added_at) values ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            int p = i * 4;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", now())");
            parameters.add(tenantId);
            parameters.add(groupId);
            parameters.add(batch.get(i).memberId());
            parameters.add(batch.get(i).memberType());
        }
        sql.append(" on conflict do nothing returning member_id");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), UUID.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getResultList();
        });
    }

    /** Removes these members; emits the ids actually removed (the event's members). */
    public Uni<List<UUID>> remove(UUID tenantId, UUID groupId, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from scim_group_member where tenant_id = :tenant and group_id = :group
                          and member_id in (:members) returning member_id""", UUID.class)
                .setParameter("tenant", tenantId)
                .setParameter("group", groupId)
                .setParameter("members", memberIds)
                .getResultList());
    }

    public Uni<Long> removeAll(UUID tenantId, UUID groupId) {
        return delete("tenantId = ?1 and groupId = ?2", tenantId, groupId);
    }

    /** Removes a deleted user or group from every group it belonged to. */
    @Override
    public Uni<Long> removeEverywhere(UUID tenantId, UUID memberId) {
        return delete("tenantId = ?1 and memberId = ?2", tenantId, memberId);
    }

    /**
     * Every member of a group, in insertion order, each with its current display name (issue 14, item 18: one
     * statement, the names joined by primary key): only when a client asks for the member list.
     */
    public Uni<List<MemberEntity>> members(UUID tenantId, UUID groupId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select m.member_id, m.member_type, m.added_at,
                               coalesce(u.display_name, u.user_name, g.display_name) as display
                        from scim_group_member m
                        left join scim_user u on m.member_type = 'User' and u.tenant_id = m.tenant_id
                          and u.id = m.member_id
                        left join scim_group g on m.member_type = 'Group' and g.tenant_id = m.tenant_id
                          and g.id = m.member_id
                        where m.tenant_id = :tenant and m.group_id = :group
                        order by m.added_at, m.member_id""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("group", groupId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> member(tenantId, groupId, row)).toList());
    }

    private static MemberEntity member(UUID tenantId, UUID groupId, Object[] row) {
        MemberEntity member = new MemberEntity();
        member.tenantId = tenantId;
        member.groupId = groupId;
        member.memberId = (UUID) row[0];
        member.memberType = (String) row[1];
        Object added = row[2];
        member.addedAt = added instanceof java.time.OffsetDateTime time ? time.toInstant() : (java.time.Instant) added;
        member.display = (String) row[3];
        return member;
    }

    /** How many direct members a group has (its primary key's range: fast even at 100,000 members). */
    public Uni<Long> countMembers(UUID tenantId, UUID groupId) {
        return count("tenantId = ?1 and groupId = ?2", tenantId, groupId);
    }

    /**
     * Up to {@code rows} direct members of a group after {@code after} (null: from the first) in member id order, each
     * with its userName or displayName: a range of the primary key plus one key lookup per row, so a page costs the same
     * at member 100,000 as at member 1.
     */
    public Uni<List<Object[]>> memberPage(UUID tenantId, UUID groupId, UUID after, int rows) {
        String sql = """
                select m.member_id, m.member_type, m.added_at, coalesce(u.user_name, g.display_name) as display
                from scim_group_member m
                left join scim_user u on m.member_type = 'User' and u.tenant_id = m.tenant_id and u.id = m.member_id
                left join scim_group g on m.member_type = 'Group' and g.tenant_id = m.tenant_id and g.id = m.member_id
                where m.tenant_id = :tenant and m.group_id = :group%s
                order by m.member_id limit :rows""".formatted(after == null ? "" : " and m.member_id > :after");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("tenant", tenantId)
                    .setParameter("group", groupId)
                    .setParameter("rows", rows);
            if (after != null) {
                query.setParameter("after", after);
            }
            return query.getResultList();
        });
    }

    /** The groups each of these members directly belongs to, with the group's displayName (a user's "groups"). */
    @Override
    public Uni<List<GroupOfMember>> groupsOf(UUID tenantId, Collection<UUID> memberIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                        select m.memberId, g.id, g.displayName from MemberEntity m, GroupEntity g
                        where m.tenantId = :tenant and m.memberId in :members and g.tenantId = m.tenantId
                          and g.id = m.groupId and g.deletedAt is null
                        order by g.displayName""", Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("members", memberIds)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new GroupOfMember((UUID) row[0], (UUID) row[1], (String) row[2]))
                        .toList());
    }
}

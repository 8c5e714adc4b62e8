package dev.roster.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One membership: a user or group ({@code memberType}) in a group. */
@Entity
@Table(name = "scim_group_member")
@IdClass(MemberEntity.Key.class)
public class MemberEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "group_id")
    public UUID groupId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "member_type", nullable = false, columnDefinition = "text")
    public String memberType;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /**
     * The member's current displayName (a user without one: its userName), read with the member list for
     * {@code members[].display}; not stored, so it never goes stale when a member is renamed.
     */
    @jakarta.persistence.Transient
    public String display;

    public static final class Key implements Serializable {
        public UUID tenantId;
        public UUID groupId;
        public UUID memberId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(groupId, key.groupId) && Objects.equals(memberId, key.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, groupId, memberId);
        }
    }
}

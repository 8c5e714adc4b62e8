package dev.roster.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A SCIM Group. Its document never holds members: they live in scim_group_member ({@link MemberEntity}). */
@Entity
@Table(name = "scim_group")
public class GroupEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "display_name", nullable = false, columnDefinition = "text")
    public String displayName;

    @Column(name = "external_id", columnDefinition = "text")
    public String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ObjectNode doc;

    @Column(nullable = false)
    public Instant created;

    @Column(name = "last_modified", nullable = false)
    public Instant lastModified;

    @Column(nullable = false)
    public long version = 1;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}

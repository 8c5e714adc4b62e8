package dev.roster.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A SCIM User: the full document as received (echoed exactly) plus the indexed columns that filters and sorts use. The
 * table's key is (tenant_id, id); {@code id} alone is unique too, which is what Hibernate needs. Every query names the
 * tenant (repositories and the filter compiler see to it).
 */
@Entity
@Table(name = "scim_user")
public class UserEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "user_name", nullable = false, columnDefinition = "text")
    public String userName;

    @Column(name = "external_id", columnDefinition = "text")
    public String externalId;

    @Column(name = "display_name", columnDefinition = "text")
    public String displayName;

    @Column(nullable = false)
    public boolean active = true;

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

    /** When {@code active} last became false; null while active (admin read API). */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
}

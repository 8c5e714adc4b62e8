package dev.roster.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.tenant.TenantRowKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One row of the transactional outbox; its feed position is set after commit (FeedSequencer), never by the writer. */
@Entity
@Table(name = "outbox_event")
@IdClass(TenantRowKey.class)
public class OutboxEventEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String type;

    @Column(name = "resource_type", nullable = false, columnDefinition = "text")
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_credential_id")
    public UUID actorCredentialId;

    @Column(name = "actor_kind", columnDefinition = "text")
    public String actorKind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ObjectNode payload;
}

package dev.roster.rules;

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

/** A tenant's rule: resources of a type matching a SCIM filter get these labels in their events. */
@Entity
@Table(name = "tenant_rule")
@IdClass(TenantRowKey.class)
public class TenantRuleEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    public UUID id;

    @Column(name = "resource_type", nullable = false, columnDefinition = "text")
    public String resourceType;

    @Column(nullable = false, columnDefinition = "text")
    public String filter;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ObjectNode labels;

    @Column(name = "apply_on_update", nullable = false)
    public boolean applyOnUpdate;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

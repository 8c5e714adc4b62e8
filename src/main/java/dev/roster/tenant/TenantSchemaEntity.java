package dev.roster.tenant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A tenant's custom extension schema, stored as the definition the admin submitted (validated on the way in). */
@Entity
@Table(name = "tenant_schema")
public class TenantSchemaEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "schema_id", nullable = false, columnDefinition = "text")
    public String schemaId;

    @Column(name = "resource_type", nullable = false, columnDefinition = "text")
    public String resourceType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public ObjectNode definition;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

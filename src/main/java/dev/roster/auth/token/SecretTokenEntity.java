package dev.roster.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A long-lived secret token. The table's primary key is (tenant_id, id); {@code id} alone is unique too (time-ordered
 * random UUID), which is what Hibernate needs. Every query also names the tenant.
 */
@Entity
@Table(name = "secret_token")
public class SecretTokenEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(nullable = false, columnDefinition = "text")
    public String hint;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}

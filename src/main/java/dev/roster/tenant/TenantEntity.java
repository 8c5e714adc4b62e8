package dev.roster.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A customer workspace: every SCIM resource, credential and event belongs to exactly one tenant. */
@Entity
@Table(name = "tenant")
public class TenantEntity {

    public static final String HARD_DELETE = "hard";
    public static final String SOFT_DELETE = "soft";

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String name;

    /** The host's own id for this workspace (unique when present), so it can find the tenant of one of its own. */
    @Column(name = "external_id", columnDefinition = "text")
    public String externalId;

    @Column(nullable = false)
    public boolean suspended;

    /** Whether PATCH rewrites that change RFC 7644 meaning apply to this tenant's requests (scim/patch/dialect). */
    @Column(name = "patch_quirks", nullable = false)
    public boolean patchQuirks = true;

    /** Carried by user.created events: whether the host should send the new user an activation message. */
    @Column(name = "send_activation", nullable = false)
    public boolean sendActivation;

    @Column(name = "seat_limit")
    public Integer seatLimit;

    /** Whether /ServiceProviderConfig lists RFC 9865 pagination for this tenant; null takes the server's default. */
    @Column(name = "advertise_pagination")
    public Boolean advertisePagination;

    /** Fair-use overrides (issue 15, item 5); null takes the pod's default. */
    @Column(name = "limit_concurrent_requests")
    public Integer limitConcurrentRequests;

    @Column(name = "limit_requests_per_second")
    public Integer limitRequestsPerSecond;

    /** The sync health state last computed (synchealth/SyncHealthMonitor), and since when; null before the first. */
    @Column(name = "sync_state", columnDefinition = "text")
    public String syncState;

    @Column(name = "sync_state_since")
    public Instant syncStateSince;

    /** When the host was last told that a write was refused for want of seats (one event per hour at most). */
    @Column(name = "seat_limit_notified_at")
    public Instant seatLimitNotifiedAt;

    /** What a SCIM DELETE of a user does: "hard" removes it, "soft" hides it and keeps it restorable. */
    @Column(name = "user_deletion", nullable = false, columnDefinition = "text")
    public String userDeletion = HARD_DELETE;

    @Column(name = "deleted_user_retention_days", nullable = false)
    public int deletedUserRetentionDays = 30;

    /** The Entra ID tenant (directory) id whose workload-identity tokens this tenant accepts, or null. */
    @Column(name = "entra_tenant_id", columnDefinition = "text")
    public String entraTenantId;

    /** The audience those tokens must carry ({@code api://<application id>}). */
    @Column(name = "entra_audience", columnDefinition = "text")
    public String entraAudience;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

package dev.roster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * One admin change (issue 15, item 6): when, who ({@code admin-key} or {@code jwt:<subject>}), what
 * ({@code "PATCH /admin/v1/tenants/{id}"}), on which tenant and target, its status and request id, and the non-secret
 * fields before and after.
 */
@RegisterForReflection
public record AuditEntry(UUID id, UUID tenantId, Instant at, String actor, String action, UUID targetId, int status,
                         String requestId, JsonNode before, JsonNode after) {
}

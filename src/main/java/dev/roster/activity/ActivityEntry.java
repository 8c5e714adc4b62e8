package dev.roster.activity;

import java.time.Instant;
import java.util.UUID;

/** One SCIM request as the activity log keeps it (README, "Events", activity log). */
public record ActivityEntry(UUID tenantId, UUID id, Instant at, UUID credentialId, String method, String path,
                            String filter, int status, String scimType, String detail, UUID resourceId, int durationMs,
                            String requestId) {
}

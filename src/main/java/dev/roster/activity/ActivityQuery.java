package dev.roster.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * What a reader asks of a tenant's activity log (the admin API, the console, the setup page): a status range, a time
 * range, a resource, each optional (null); newest first, {@code limit} entries before the cursor id {@code before}.
 */
public record ActivityQuery(UUID tenantId, Integer statusFrom, Integer statusTo, Instant from, Instant to,
                            UUID resourceId, UUID before, int limit) {
}

package dev.roster.activity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Reading a tenant's activity log for people (the console, the setup page): entries by the admin API's query, and the
 * summary a customer's IT admin watches while Entra connects and runs its first cycle.
 */
@ApplicationScoped
public class ActivityLog {

    @Inject
    ActivityRepository activity;
    @Inject
    ActivityWriter writer;

    /** Entries as the admin API's query asks, after writing what is queued (a person sees the request just made). */
    public Uni<List<ActivityEntry>> find(ActivityQuery query) {
        return writer.flush().chain(() -> activity.find(query));
    }

    /**
     * What a tenant's SCIM clients did since {@code since}: when the credential {@code credentialId} was first used (Entra's
     * Test Connection is its first request), requests, failures and 401s (a credential pasted wrongly), users and groups
     * created, and the last request's time.
     */
    public record Progress(Instant firstUse, Instant lastRequest, long requests, long failures, long refused,
                           long usersCreated, long groupsCreated) {
    }

    public Uni<Progress> progress(UUID tenantId, Instant since, UUID credentialId) {
        return writer.flush().chain(() -> activity.progress(tenantId, since, credentialId));
    }

    /** When each of these tenants last had a SCIM request (tenants without one are absent): the console's tenant list. */
    public Uni<java.util.Map<UUID, Instant>> lastRequests(List<UUID> tenantIds) {
        return writer.flush().chain(() -> activity.lastRequests(tenantIds));
    }

    /** One hour of a tenant's requests: how many, and how many failed (status 400 or more). */
    public record Hour(Instant start, long requests, long failures) {
    }

    /**
     * The tenant's requests per hour over the last {@code hours} hours, oldest first, one entry per hour (hours without
     * requests count zero): the console's chart.
     */
    public Uni<List<Hour>> hourly(UUID tenantId, int hours, Instant now) {
        Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(java.time.Duration.ofHours(1));
        Instant start = end.minus(java.time.Duration.ofHours(hours));
        return activity.hourly(tenantId, start).map(counted -> {
            java.util.Map<Instant, Hour> byStart = new java.util.HashMap<>();
            counted.forEach(hour -> byStart.put(hour.start(), hour));
            List<Hour> all = new java.util.ArrayList<>(hours);
            for (Instant at = start; at.isBefore(end); at = at.plus(java.time.Duration.ofHours(1))) {
                all.add(byStart.getOrDefault(at, new Hour(at, 0, 0)));
            }
            return all;
        });
    }

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(
            "([1-5])xx|(\\d{3})(?:-(\\d{3}))?");

    /**
     * A status filter as people write it: one status ({@code 404}), a class ({@code 4xx}) or a range
     * ({@code 400-499}); null or blank filters nothing. Emits {@code [low, high]}.
     */
    public static int[] statusRange(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        java.util.regex.Matcher m = STATUS.matcher(status.trim());
        if (!m.matches()) {
            throw dev.roster.failure.Failure.invalid("'status' must be a status (404), a class (4xx) or a range"
                    + " (400-499).");
        }
        if (m.group(1) != null) {
            int hundreds = Integer.parseInt(m.group(1)) * 100;
            return new int[] {hundreds, hundreds + 99};
        }
        int low = Integer.parseInt(m.group(2));
        return new int[] {low, m.group(3) == null ? low : Integer.parseInt(m.group(3))};
    }
}

package dev.roster.synchealth;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How a tenant's provisioning is going (issue 15, item 4), from its SCIM traffic:
 * <ul>
 *   <li>{@code never_connected}: no SCIM request within the activity log's retention;</li>
 *   <li>{@code stalled}: it was syncing, and has sent nothing for {@code roster.sync-health.stalled-after} (2 hours:
 *   three missed 40-minute cycles; Entra may have quarantined the job);</li>
 *   <li>{@code degraded}: in the last hour at least 3 requests, and at least 5% of them, failed in a way the Entra admin
 *   must look at: 401 or 403 (a revoked or expired credential, a suspended tenant, a seat limit), 429 or 5xx;</li>
 *   <li>{@code healthy}: otherwise.</li>
 * </ul>
 */
public enum SyncState {
    NEVER_CONNECTED, HEALTHY, DEGRADED, STALLED;

    static final int MIN_FAILURES = 3;
    static final int FAILURE_PERCENT = 5;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncState ofWireName(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether an answer counts as a failure for the state (the statuses an admin must look at; SyncHealthRepository's
     * FAILED says the same in SQL): 401, 403, 429 and 5xx.
     */
    public static boolean isFailure(int status) {
        return status >= 500 || status == 401 || status == 403 || status == 429;
    }

    /** The state of a tenant whose last request was at {@code lastRequest} (null: none) and whose last hour is given. */
    public static SyncState of(Instant lastRequest, long lastHourRequests, long lastHourFailures, Instant now,
                               Duration stalledAfter) {
        if (lastRequest == null) {
            return NEVER_CONNECTED;
        }
        if (lastRequest.isBefore(now.minus(stalledAfter))) {
            return STALLED;
        }
        if (lastHourFailures >= MIN_FAILURES && lastHourFailures * 100 >= lastHourRequests * FAILURE_PERCENT) {
            return DEGRADED;
        }
        return HEALTHY;
    }
}

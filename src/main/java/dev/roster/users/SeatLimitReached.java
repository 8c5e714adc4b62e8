package dev.roster.users;

import dev.roster.failure.Failure;

/**
 * A create or reactivation that would make more active users than the tenant's seat limit (issue 15, item 3). On the
 * SCIM surface a 403 whose {@code detail} Entra ID shows its admin in the provisioning log, for example:
 *
 * <pre>{@code
 * {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "403",
 *  "detail": "Seat limit reached: this workspace's plan allows 50 active users and 50 are active, so 'ada@contoso.com'
 *             was not provisioned as an active user. Ask the workspace owner to add seats, or unassign users who no
 *             longer need the app; deactivating and deleting users always works. Entra ID retries on its next cycle."}
 * }</pre>
 */
public final class SeatLimitReached extends Failure {

    /** The problem type's last segment on the admin API, and the cause's code everywhere. */
    public static final String CODE = "seat-limit";

    private final int limit;
    private final long active;

    SeatLimitReached(int limit, long active, String userName, boolean reactivation) {
        super(Kind.FORBIDDEN, "Seat limit reached: this workspace's plan allows " + limit + " active users and "
                + active + " are active, so '" + userName + "' was not "
                + (reactivation ? "reactivated" : "provisioned as an active user")
                + ". Ask the workspace owner to add seats, or unassign users who no longer need the app;"
                + " deactivating and deleting users always works. Entra ID retries on its next cycle.", CODE, null);
        this.limit = limit;
        this.active = active;
    }

    public int limit() {
        return limit;
    }

    public long active() {
        return active;
    }
}

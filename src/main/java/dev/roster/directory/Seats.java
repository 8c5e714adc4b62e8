package dev.roster.directory;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A tenant's users by provisioning state (README, "Admin API", the tenant view): active users count as seats;
 * deactivated ones ({@code active: false}) do not; retained ones were deleted over SCIM and are kept restorable (soft
 * delete).
 */
@RegisterForReflection
public record Seats(long active, long deactivated, long retained) {

    public static final Seats NONE = new Seats(0, 0, 0);
}

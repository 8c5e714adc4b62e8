package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;

import java.time.Instant;

/** A line of the console's tenant list: the tenant, and when its SCIM client last sent a request (null: never). */
public record TenantRow(TenantView tenant, Instant lastRequest) {
}

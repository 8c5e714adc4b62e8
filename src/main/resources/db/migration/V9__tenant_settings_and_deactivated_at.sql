-- Onboarding and seats (issue 15, items 2-3).
-- The host's own id for a workspace: unique when present, and the way a host finds the tenant of one of its workspaces.
alter table tenant add column external_id text check (external_id is null or char_length(external_id) between 1 and 200);
create unique index tenant_external_id_uq on tenant (external_id) where external_id is not null;
-- When the host was last told (tenant.seat_limit_reached) that a create or reactivation was refused for want of seats:
-- Entra retries every refused user each cycle, and the host needs one event per episode, not one per retry.
alter table tenant add column seat_limit_notified_at timestamptz;
-- The admin read API shows when a user was deactivated (issue 15, item 1); null while active. Not indexed: updates that
-- set it stay as cheap as before.
alter table scim_user add column deactivated_at timestamptz;
-- Fair use (issue 15, item 5): a tenant's own caps on concurrent SCIM requests and on requests per second, per pod; null
-- takes the pod's default (roster.limits.*).
alter table tenant
    add column limit_concurrent_requests integer check (limit_concurrent_requests between 1 and 10000),
    add column limit_requests_per_second integer check (limit_requests_per_second between 1 and 100000);

-- Sync health (issue 15, item 4). A tenant's last computed state, so that a change of state is noticed once and becomes
-- one event (tenant.sync_stalled, tenant.sync_recovered); null until first computed.
alter table tenant
    add column sync_state       text check (sync_state in ('never_connected', 'healthy', 'degraded', 'stalled')),
    add column sync_state_since timestamptz;
-- When the host was told that a credential expires soon (credential.expiring), so it is told once.
alter table secret_token add column expiry_notified_at timestamptz;
alter table oauth_client_secret add column expiry_notified_at timestamptz;
-- The monitor's question "which credentials expire within 14 days" spans tenants (a deviation from the tenant-first
-- rule, like the purges); both indexes are small, holding only credentials that expire at all.
create index secret_token_expiry_ix on secret_token (expires_at) where expires_at is not null;
create index oauth_client_secret_expiry_ix on oauth_client_secret (expires_at) where expires_at is not null;

-- Setup links (issue 16): a page a vendor sends a customer's IT admin, which shows the Tenant URL and a freshly issued
-- credential once. The link's secret is 256 random bits, stored as its SHA-256 (as secret tokens are), so the link is
-- unguessable and a database copy reveals none. It expires, and opens once: opened_at is set by the one request that
-- issues the credential (credential_id), and the browser that opened it keeps a signed cookie to follow the progress.
create table setup_link (
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    id            uuid        not null,
    secret_hash   bytea       not null,
    credential    text        not null check (credential in ('token', 'oauth')),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    opened_at     timestamptz,
    credential_id uuid,
    primary key (tenant_id, id)
);
create unique index setup_link_secret_uq on setup_link (secret_hash);

-- Tenants and the credentials that authenticate provisioning clients.
--
-- Every tenant-owned table carries tenant_id and leads its primary key with it (design.md, "Beyond one PostgreSQL"), and
-- references the tenant with ON DELETE CASCADE so that deleting a tenant removes all of its data in one statement.
-- Credential lookups by hash (secret_token.token_hash) are the one cross-tenant read: in the single-URL form the credential
-- itself chooses the tenant. On Citus these small tables would be reference tables.

create table tenant (
    id          uuid        primary key,
    name        text        not null check (char_length(name) between 1 and 200),
    suspended   boolean     not null default false,
    seat_limit  integer     check (seat_limit is null or seat_limit >= 0),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- Long-lived secret tokens ("Tenant URL + Secret Token"). Only the SHA-256 of the token is stored: the token is 256 random
-- bits, so a fast hash is as safe as a slow one and keeps the per-request lookup cheap.
create table secret_token (
    tenant_id    uuid        not null references tenant (id) on delete cascade,
    id           uuid        not null,
    token_hash   bytea       not null,
    hint         text        not null,
    description  text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    primary key (tenant_id, id)
);
create unique index secret_token_hash_uq on secret_token (token_hash);

-- OAuth 2.0 client credentials (RFC 6749 §4.4), required of new Entra gallery apps. A client has several secrets so a
-- rotation needs no downtime; the client id doubles as the row id.
create table oauth_client (
    tenant_id    uuid        not null references tenant (id) on delete cascade,
    id           uuid        not null,
    description  text        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    primary key (tenant_id, id)
);
create unique index oauth_client_id_uq on oauth_client (id);

create table oauth_client_secret (
    tenant_id    uuid        not null,
    client_id    uuid        not null,
    id           uuid        not null,
    secret_hash  bytea       not null,
    hint         text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    primary key (tenant_id, client_id, id),
    foreign key (tenant_id, client_id) references oauth_client (tenant_id, id) on delete cascade
);

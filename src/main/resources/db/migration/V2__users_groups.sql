-- SCIM Users and Groups (issue "Users and Groups").
--
-- One row per resource with the full resource document as received (jsonb; values echoed exactly) plus indexed columns
-- for what is filtered and sorted often. Memberships live in their own table, never in the group document: a group may
-- have 100,000 members and adding one must not load the others. Every key and index leads with tenant_id.

-- Deprovisioning (issue 4, item 7): DELETE removes a user for good ('hard', the default), or hides it from SCIM and keeps
-- it restorable through the admin API for a retention period ('soft').
alter table tenant
    add column user_deletion text not null default 'hard' check (user_deletion in ('hard', 'soft')),
    add column deleted_user_retention_days integer not null default 30
        check (deleted_user_retention_days between 1 and 3650),
    -- Workload identity federation (entra-provisioning.md R-06): Entra signs its own token; the tenant names which
    -- Entra tenant and application audience it trusts.
    add column entra_tenant_id text,
    add column entra_audience text;
create index tenant_entra_ix on tenant (entra_tenant_id) where entra_tenant_id is not null;

create table scim_user (
    tenant_id      uuid        not null references tenant (id) on delete cascade,
    id             uuid        not null,
    user_name      text        not null,
    external_id    text,
    display_name   text,
    active         boolean     not null default true,
    doc            jsonb       not null,
    created        timestamptz not null,
    last_modified  timestamptz not null,
    version        bigint      not null default 1,
    -- Soft delete (tenant setting): hidden from SCIM, restorable through the admin API until purged.
    deleted_at     timestamptz,
    primary key (tenant_id, id)
);
-- userName is unique per tenant case-insensitively (RFC 7643 §4.1.1 "uniqueness: server", caseExact false), among live
-- users; Entra matches with userName eq "..." (R-10), served by this index.
create unique index scim_user_user_name_uq on scim_user (tenant_id, lower(user_name)) where deleted_at is null;
create index scim_user_external_id_ix on scim_user (tenant_id, external_id) where deleted_at is null;
create index scim_user_display_name_ix on scim_user (tenant_id, lower(display_name)) where deleted_at is null;
create index scim_user_last_modified_ix on scim_user (tenant_id, last_modified);
-- Seat counts (active / deactivated / retained) per tenant, and the purge of expired soft-deleted users.
create index scim_user_seats_ix on scim_user (tenant_id, active, (deleted_at is null));

-- Multi-valued attributes that clients filter on (emails first): one row per value, kept in the same transaction as the
-- document, so emails[type eq "work"].value eq "x" (R-10) is an indexed lookup rather than a jsonb scan.
create table scim_user_value (
    tenant_id    uuid    not null,
    user_id      uuid    not null,
    attribute    text    not null,
    ordinal      integer not null,
    type         text,
    value        text    not null,
    value_lower  text    not null,
    is_primary   boolean not null default false,
    primary key (tenant_id, user_id, attribute, ordinal),
    foreign key (tenant_id, user_id) references scim_user (tenant_id, id) on delete cascade
);
create index scim_user_value_lookup_ix on scim_user_value (tenant_id, attribute, value_lower);

create table scim_group (
    tenant_id      uuid        not null references tenant (id) on delete cascade,
    id             uuid        not null,
    display_name   text        not null,
    external_id    text,
    doc            jsonb       not null,
    created        timestamptz not null,
    last_modified  timestamptz not null,
    version        bigint      not null default 1,
    deleted_at     timestamptz,
    primary key (tenant_id, id)
);
create unique index scim_group_display_name_uq on scim_group (tenant_id, lower(display_name)) where deleted_at is null;
create index scim_group_external_id_ix on scim_group (tenant_id, external_id) where deleted_at is null;

-- Members are users or groups (RFC 7643 §4.2); member_type says which. No foreign key to the member: it may be either
-- table, and members are checked to exist when they are added.
create table scim_group_member (
    tenant_id    uuid        not null,
    group_id     uuid        not null,
    member_id    uuid        not null,
    member_type  text        not null check (member_type in ('User', 'Group')),
    added_at     timestamptz not null default now(),
    primary key (tenant_id, group_id, member_id),
    foreign key (tenant_id, group_id) references scim_group (tenant_id, id) on delete cascade
);
-- A user's read-only "groups" attribute, and removing a deleted member from every group.
create index scim_group_member_member_ix on scim_group_member (tenant_id, member_id);

-- Per-tenant custom extension schemas (e.g. urn:ietf:params:scim:schemas:extension:blink:2.0:User), set through the
-- admin API and listed by the tenant's /Schemas and /ResourceTypes.
create table tenant_schema (
    tenant_id      uuid        not null references tenant (id) on delete cascade,
    id             uuid        not null,
    schema_id      text        not null,
    resource_type  text        not null check (resource_type in ('User', 'Group')),
    definition     jsonb       not null,
    created_at     timestamptz not null,
    primary key (tenant_id, id)
);
create unique index tenant_schema_uri_uq on tenant_schema (tenant_id, lower(schema_id));

-- Tenant rules (issue 11, item 5): a SCIM filter and the labels an event carries when the resource matches it (a host's
-- card template by department, say). And the tenant's sendActivation setting, which user.created events carry.
alter table tenant add column send_activation boolean not null default false;

create table tenant_rule (
    tenant_id        uuid        not null references tenant (id) on delete cascade,
    id               uuid        not null,
    resource_type    text        not null check (resource_type in ('User', 'Group')),
    filter           text        not null,
    labels           jsonb       not null,
    apply_on_update  boolean     not null default false,
    description      text,
    created_at       timestamptz not null,
    primary key (tenant_id, id)
);

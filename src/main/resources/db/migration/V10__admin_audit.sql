-- The admin audit log (issue 15, item 6): one row per admin change that succeeded, with who made it (the admin key, or
-- the admin JWT's subject), the request id, what it targeted, and the non-secret fields before and after. No foreign
-- key to the tenant: the log outlives a deleted tenant (its deletion is itself an entry). Ids are time-ordered.
create table admin_audit (
    id          uuid        primary key,
    tenant_id   uuid,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    target_id   uuid,
    status      integer     not null,
    request_id  text,
    before      jsonb,
    after       jsonb
);
create index admin_audit_tenant_ix on admin_audit (tenant_id, id);
-- The retention purge deletes by age (a deviation from the tenant-first rule, like the other purges).
create index admin_audit_at_ix on admin_audit (at);
